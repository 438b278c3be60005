#include "http/compression.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <string>

using namespace hoptac::http;

namespace {

std::string gunzip(const std::string& in) {
  z_stream z{};
  EXPECT_EQ(inflateInit2(&z, 15 + 16), Z_OK);
  std::string out(in.size() * 50 + 1024, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(inflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  inflateEnd(&z);
  return out;
}

Request with_accept(std::string value) {
  Request r;
  r.headers.emplace_back("accept-encoding", std::move(value));
  return r;
}

Response json_of(std::size_t n) {
  Response r;
  r.header("Content-Type", "application/json");
  r.body = "[";
  while (r.body.size() < n) r.body += "{\"code\":\"KN-2025-000123\"},";
  r.body.back() = ']';
  return r;
}

}  // namespace

TEST(Compression, GzipRoundTrips) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "Hợp tác xã nông nghiệp " + std::to_string(i) + "\n";
  auto packed = gzip(text);
  EXPECT_LT(packed.size(), text.size() / 3);
  EXPECT_EQ(gunzip(packed), text);
  EXPECT_EQ(gunzip(gzip("")), "");
}

TEST(Compression, ReadsAcceptEncoding) {
  EXPECT_TRUE(accepts_encoding("gzip, deflate, br", "gzip"));
  EXPECT_TRUE(accepts_encoding("gzip, deflate, br", "br"));
  EXPECT_TRUE(accepts_encoding("GZIP;q=0.5", "gzip"));
  EXPECT_TRUE(accepts_encoding("*", "br"));
  EXPECT_FALSE(accepts_encoding("gzip;q=0", "gzip"));
  EXPECT_FALSE(accepts_encoding("gzip; q=0.000", "gzip"));
  EXPECT_FALSE(accepts_encoding("deflate", "gzip"));
  EXPECT_FALSE(accepts_encoding("gzipx, xgzip", "gzip"));
  EXPECT_FALSE(accepts_encoding("", "gzip"));
  EXPECT_FALSE(accepts_encoding(",,,;;;q=", "gzip"));
  EXPECT_FALSE(accepts_encoding(std::string(100000, ','), "gzip"));
}

TEST(Compression, OnlyLargeTextAnswersTheClientTakes) {
  auto big = json_of(5000);
  const std::string original = big.body;
  compress_if_worth(with_accept("gzip"), big);
  EXPECT_EQ(big.find_header("Content-Encoding").value_or(""), "gzip");
  EXPECT_EQ(big.find_header("Vary").value_or(""), "Accept-Encoding");
  EXPECT_EQ(gunzip(big.body), original);

  auto small = json_of(200);
  compress_if_worth(with_accept("gzip"), small);
  EXPECT_FALSE(small.find_header("Content-Encoding"));
  EXPECT_FALSE(small.find_header("Vary"));

  auto refused = json_of(5000);
  compress_if_worth(Request{}, refused);
  EXPECT_FALSE(refused.find_header("Content-Encoding"));
  EXPECT_EQ(refused.find_header("Vary").value_or(""), "Accept-Encoding");
  EXPECT_EQ(refused.body.front(), '[');

  Response pdf;
  pdf.header("Content-Type", "application/pdf");
  pdf.body = std::string(5000, 'x');
  compress_if_worth(with_accept("gzip"), pdf);
  EXPECT_FALSE(pdf.find_header("Content-Encoding"));
}

TEST(Compression, KnowsWhatCompresses) {
  EXPECT_TRUE(compressible_type("application/json; charset=utf-8"));
  EXPECT_TRUE(compressible_type("application/problem+json"));
  EXPECT_TRUE(compressible_type("text/csv; charset=utf-8"));
  EXPECT_FALSE(compressible_type("application/pdf"));
  EXPECT_FALSE(
      compressible_type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
  EXPECT_FALSE(compressible_type("image/png"));
}
