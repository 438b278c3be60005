#pragma once
// Vietnamese petition text (kiến nghị of cooperatives to the province) for the national-size
// benchmark. Full-text search, ranking and storage only behave as in production on text with
// the shape of real text: frequent function syllables, common domain words, a long tail of rare
// syllables (Zipf-like), mostly short contents with a few long ones, diacritics in NFC.
//
// Reproducible anywhere: the same seed gives the same texts with every compiler and library
// (own PRNG, integer-only sampling, no std:: distributions), so a benchmark can be rerun.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hoptac::seed {

struct Place {
  std::string_view commune;   // "Tân Cương"
  std::string_view province;  // "Thái Nguyên": petitions go to this province's People's Committee
};

struct Commodity {
  std::string_view name;      // "miến dong"
  std::string_view activity;  // the verb before it: "sản xuất" miến dong, "trồng" chè
  uint16_t weight;            // how often petitions are about it, relative to the others
};

std::span<const Place> places();
std::span<const Commodity> commodities();

// The petition category codes the generator writes about (those of the petitions table).
std::span<const std::string_view> petition_categories();

// Every syllable the generator can write, lower case: the syllables of the fixed texts first,
// then the generated tail in falling weight, so the last entries are the rarest ones.
const std::vector<std::string>& vocabulary();

// Not thread-safe; use one per thread. The tables behind it are built once and shared.
class PetitionText {
 public:
  explicit PetitionText(uint64_t seed);

  // Starts the next petition (its category, commodity, place, cooperative) and returns its
  // title, 5–20 words.
  std::string title();

  // The body of the current petition, 30–400 words, most of them 60–150 (log-normal).
  std::string content();
  // The same, appended to `out`; reusing `out` avoids any allocation.
  void append_content(std::string& out);

  // What the current petition is about, to file it consistently with its text.
  std::string_view category() const;
  const Commodity& commodity() const;
  const Place& place() const;

 private:
  uint64_t next();
  uint32_t below(uint32_t n);
  std::size_t pick(const std::vector<uint32_t>& cumulative);
  void start_petition();
  void render(std::string_view pattern, std::string& out);
  void render_slot(char slot, std::string& out);
  void append_filler(int words, std::string& out);
  void append_list(int words, std::string& out);
  bool append_body_sentence(int room, uint32_t& used, std::string& out, int& words);
  int content_length();

  uint64_t state_;
  uint32_t category_ = 0, need_ = 0, commodity_ = 0, place_ = 0, name_ = 0;
  uint32_t leads_used_ = 0;  // lead-ins of free sentences used in the current content
  std::string sentence_, request_, closing_;  // scratch, kept to reuse their capacity
};

}  // namespace hoptac::seed
