// text::fold, the diacritic folding behind every search: a query is folded on each search
// request, and a cooperative's or petition's search text on each write and on import. It goes
// through ICU (UTF-8 -> UTF-16, NFD, a pass per code point, back to UTF-8), so its cost per
// call and per byte are what to watch. Bytes are those of the input.
#include <benchmark/benchmark.h>

#include <string>
#include <string_view>

#include "samples.hpp"
#include "text/fold.hpp"

namespace {

using namespace hoptac::bench;

void BM_Fold(benchmark::State& state, std::string_view input) {
  for (auto _ : state) {
    std::string folded = hoptac::text::fold(input);
    benchmark::DoNotOptimize(folded);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(input.size()));
  state.SetLabel(std::to_string(input.size()) + " B");
}

// What a petition's search index holds: code, title, content, the answer and its legal basis
// (store/petitions_repo.cpp, refresh_search).
const std::string kPetitionSearchText = "KN-2025-000123 " + std::string(kPetitionTitle) + " " +
                                        std::string(kPetitionContent) + " " +
                                        std::string(kAnswerText) + " " + std::string(kLegalBasis);

BENCHMARK_CAPTURE(BM_Fold, search_query, kSearchQuery);
BENCHMARK_CAPTURE(BM_Fold, ascii_query, std::string_view("mien dong con minh"));
BENCHMARK_CAPTURE(BM_Fold, cooperative_name, kCooperativeName);
BENCHMARK_CAPTURE(BM_Fold, cooperative_search_text, kCooperativeSearchText);
BENCHMARK_CAPTURE(BM_Fold, petition_content_600B, kPetitionContent);
BENCHMARK_CAPTURE(BM_Fold, petition_search_text, std::string_view(kPetitionSearchText));

}  // namespace
