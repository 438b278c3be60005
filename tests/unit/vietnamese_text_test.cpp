#include "seed/vietnamese_text.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

using hoptac::seed::PetitionText;

namespace {

// Strict UTF-8: shortest forms, no surrogates, nothing above U+10FFFF. Calls `f` with each code
// point; false on the first malformed sequence.
template <typename F>
bool each_code_point(std::string_view s, F f) {
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const std::size_t len = b < 0x80         ? 1
                            : (b >> 5) == 6  ? 2
                            : (b >> 4) == 14 ? 3
                            : (b >> 3) == 30 ? 4
                                             : 0;
    if (len == 0 || i + len > s.size()) return false;
    char32_t c = len == 1 ? b : b & (0x7F >> len);
    for (std::size_t k = 1; k < len; ++k) {
      const auto cont = static_cast<unsigned char>(s[i + k]);
      if ((cont & 0xC0) != 0x80) return false;
      c = (c << 6) | (cont & 0x3F);
    }
    const char32_t shortest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (c < shortest[len] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return false;
    f(c);
    i += len;
  }
  return true;
}

bool is_combining_mark(char32_t c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
         (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF);
}

std::vector<std::string_view> words_of(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\n')) ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\n') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::string_view strip_punctuation(std::string_view w) {
  while (!w.empty() && std::string_view(",.!:;%").find(w.back()) != w.npos) w.remove_suffix(1);
  return w;
}

bool mentions(std::string_view text, std::string_view lower, std::string_view capital) {
  return text.find(lower) != text.npos || text.find(capital) != text.npos;
}

uint64_t fnv1a(uint64_t h, std::string_view s) {
  for (unsigned char c : s) h = (h ^ c) * 0x100000001B3ull;
  return h;
}

// One pass over 100,000 petitions, shared by the frequency tests.
struct Corpus {
  static constexpr int kPetitions = 100'000;
  int with_ho_tro = 0, with_mien_dong = 0;
  std::vector<int> petitions_with;  // per vocabulary entry: how many petitions use it
};

const Corpus& corpus() {
  static const Corpus c = [] {
    Corpus k;
    const auto& vocabulary = hoptac::seed::vocabulary();
    std::unordered_map<std::string_view, std::size_t> index;
    for (std::size_t i = 0; i < vocabulary.size(); ++i) index.emplace(vocabulary[i], i);
    k.petitions_with.assign(vocabulary.size(), 0);
    std::vector<int> last_seen(vocabulary.size(), -1);
    PetitionText g(2024);
    std::string content;
    for (int p = 0; p < Corpus::kPetitions; ++p) {
      const std::string title = g.title();
      content.clear();
      g.append_content(content);
      k.with_ho_tro += mentions(title, "hỗ trợ", "Hỗ trợ") || mentions(content, "hỗ trợ", "Hỗ trợ");
      k.with_mien_dong +=
          mentions(title, "miến dong", "Miến dong") || mentions(content, "miến dong", "Miến dong");
      for (std::string_view w : words_of(content)) {
        const auto it = index.find(strip_punctuation(w));
        if (it == index.end() || last_seen[it->second] == p) continue;
        last_seen[it->second] = p;
        ++k.petitions_with[it->second];
      }
    }
    return k;
  }();
  return c;
}

}  // namespace

TEST(PetitionText, SameSeedSameTexts) {
  PetitionText a(42), b(42);
  for (int i = 0; i < 1000; ++i) {
    ASSERT_EQ(a.title(), b.title());
    ASSERT_EQ(a.content(), b.content());
    ASSERT_EQ(a.category(), b.category());
  }
}

TEST(PetitionText, OtherSeedOtherTexts) {
  PetitionText a(42), b(43);
  int same = 0;
  for (int i = 0; i < 100; ++i) {
    a.title();
    b.title();
    same += a.content() == b.content();
  }
  EXPECT_LE(same, 1);
}

// Pins the output: a change here means another machine or compiler would give another data
// set, or the generator was changed on purpose (then update the constant).
TEST(PetitionText, SameTextsOnEveryMachine) {
  PetitionText g(1);
  uint64_t h = 0xCBF29CE484222325ull;
  for (int i = 0; i < 100; ++i) {
    h = fnv1a(h, g.title());
    h = fnv1a(h, g.content());
  }
  EXPECT_EQ(h, 0xF1712802E1C245B0ull);
}

TEST(PetitionText, WordCountsWithinBounds) {
  PetitionText g(7);
  int short_ones = 0, typical = 0;
  for (int i = 0; i < 10'000; ++i) {
    const std::string title = g.title();
    const std::size_t t = words_of(title).size();
    EXPECT_GE(t, 5u) << title;
    EXPECT_LE(t, 20u) << title;
    const std::string content = g.content();
    const std::size_t c = words_of(content).size();
    EXPECT_GE(c, 30u) << content;
    EXPECT_LE(c, 400u) << content;
    short_ones += c < 60;
    typical += c >= 60 && c <= 150;
  }
  EXPECT_GT(typical, 6'000);  // skewed towards 60–150 words
  EXPECT_LT(short_ones, 1'000);
}

TEST(PetitionText, ValidUtf8InNfcWithDiacritics) {
  PetitionText g(11);
  int accented = 0;
  for (int i = 0; i < 10'000; ++i) {
    for (const std::string& s : {g.title(), g.content()}) {
      bool combining = false;
      ASSERT_TRUE(each_code_point(s, [&](char32_t c) {
        combining = combining || is_combining_mark(c);
        accented += c >= 0xC0;
      })) << s;
      ASSERT_FALSE(combining) << s;  // precomposed only: NFC for Vietnamese letters
    }
  }
  EXPECT_GT(accented, 100'000);
}

bool starts_with_capital(std::string_view w) {  // ASCII or a precomposed Vietnamese capital
  const auto c = static_cast<unsigned char>(w[0]);
  return (c >= 'A' && c <= 'Z') || w.starts_with("Đ") || w.starts_with("Ủ") || w.starts_with("Ư");
}

TEST(PetitionText, SentencesStartWithCapitalsAndEndWithPunctuation) {
  PetitionText g(5);
  for (int i = 0; i < 1'000; ++i) {
    const std::string title = g.title();
    const std::string content = g.content();
    EXPECT_TRUE(starts_with_capital(title)) << title;
    EXPECT_TRUE(starts_with_capital(content)) << content;
    EXPECT_TRUE(content.back() == '.' || content.back() == '!') << content;
    const auto words = words_of(content);
    for (std::size_t w = 1; w < words.size(); ++w) {
      const char end = words[w - 1].back();
      if (end == '.' || end == '!') {
        EXPECT_TRUE(starts_with_capital(words[w])) << content;
      }
    }
  }
}

TEST(PetitionText, KnowsWhatThePetitionIsAbout) {
  PetitionText g(3);
  for (int i = 0; i < 200; ++i) {
    g.title();
    const auto categories = hoptac::seed::petition_categories();
    EXPECT_NE(std::find(categories.begin(), categories.end(), g.category()), categories.end());
    EXPECT_FALSE(g.place().province.empty());
    EXPECT_FALSE(g.commodity().name.empty());
  }
}

TEST(Vocabulary, HasThousandsOfSyllablesAndUsesThem) {
  const auto& vocabulary = hoptac::seed::vocabulary();
  EXPECT_GE(vocabulary.size(), 2'500u);
  int used = 0;
  for (int n : corpus().petitions_with) used += n > 0;
  EXPECT_GE(used, 2'500);
}

TEST(Vocabulary, BroadWordsAreCommonAndTailSyllablesRare) {
  const Corpus& c = corpus();
  const double ho_tro = 100.0 * c.with_ho_tro / Corpus::kPetitions;
  const double mien_dong = 100.0 * c.with_mien_dong / Corpus::kPetitions;
  EXPECT_GE(ho_tro, 10.0);
  EXPECT_LE(ho_tro, 60.0);
  EXPECT_GE(mien_dong, 5.0);
  EXPECT_LE(mien_dong, 15.0);
  const auto& counts = c.petitions_with;
  ASSERT_GE(counts.size(), 100u);
  for (std::size_t i = counts.size() - 100; i < counts.size(); ++i)
    EXPECT_LT(counts[i], Corpus::kPetitions / 1000) << hoptac::seed::vocabulary()[i];
}

bool starts_with_any(std::string_view s, std::string_view prefix, std::string_view letters) {
  if (!s.starts_with(prefix)) return false;
  s.remove_prefix(prefix.size());
  for (std::size_t i = 0; i < letters.size();) {
    const std::size_t len = static_cast<unsigned char>(letters[i]) < 0x80   ? 1
                            : static_cast<unsigned char>(letters[i]) < 0xE0 ? 2
                                                                            : 3;
    if (s.starts_with(letters.substr(i, len))) return true;
    i += len;
  }
  return false;
}

// The generated tail (the last entries): tone marks where modern official texts put them, k gh
// ngh only before i e ê y, c g ng never before them, p t c ch endings only with sắc or nặng.
TEST(Vocabulary, SpellsTheTailAsVietnameseDoes) {
  constexpr std::string_view kFront = "iìíỉĩịeèéẻẽẹêềếểễệyỳýỷỹỵ";
  constexpr std::string_view kSacNang = "áắấéếíóốớúứýạặậẹệịọộợụựỵ";
  const auto& vocabulary = hoptac::seed::vocabulary();
  ASSERT_GE(vocabulary.size(), 2'500u);
  for (std::size_t i = vocabulary.size() - 2'500; i < vocabulary.size(); ++i) {
    const std::string_view s = vocabulary[i];
    const bool stop = s.ends_with("p") || s.ends_with("t") || s.ends_with("c") || s.ends_with("ch");
    if (stop) {
      bool toned = false;
      for (std::size_t k = 0; k < s.size(); ++k)
        toned = toned || starts_with_any(s.substr(k), "", kSacNang);
      EXPECT_TRUE(toned) << s;
    }
    const bool k_like =
        (s.starts_with("k") && !s.starts_with("kh")) || s.starts_with("gh") || s.starts_with("ngh");
    if (k_like) {
      const std::size_t onset = s.starts_with("ngh") ? 3 : s.starts_with("gh") ? 2 : 1;
      EXPECT_TRUE(starts_with_any(s.substr(onset), "", kFront)) << s;
    }
    if (s.starts_with("c") && !s.starts_with("ch")) {
      EXPECT_FALSE(starts_with_any(s, "c", kFront)) << s;
    }
    if (s.starts_with("ng") && !s.starts_with("ngh")) {
      EXPECT_FALSE(starts_with_any(s, "ng", kFront)) << s;
    }
    EXPECT_FALSE(starts_with_any(s, "g", kFront.substr(kFront.find("e")))) << s;  // gi: its own
    EXPECT_FALSE(s.starts_with("p") && !s.starts_with("ph")) << s;  // p only in loanwords
  }
  const std::unordered_set<std::string_view> known(vocabulary.begin(), vocabulary.end());
  for (std::string_view wrong : {"hoà", "thuỷ", "ngưòi", "ka", "ngi", "nghu", "cat", "tàp", "boa"})
    EXPECT_FALSE(known.contains(wrong)) << wrong;
  EXPECT_TRUE(known.contains("hòa"));
  EXPECT_TRUE(known.contains("thủy"));
}
