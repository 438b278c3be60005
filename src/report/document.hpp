#pragma once
// A report as data: an administrative header and sections of paragraphs and tables. The same
// document is written as PDF (with the header of Nghị định 30/2020), XLSX (a sheet a table)
// or CSV (the tables one after another).
#include <string>
#include <vector>

namespace hoptac::report {

struct Table {
  std::string title;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> numeric;  // right-aligned, and numbers in XLSX
  std::string note;           // a line after the rows (how it was counted), in every format
};

struct Section {
  std::string heading;
  std::vector<std::string> paragraphs;
  std::vector<Table> tables;
};

struct Document {
  std::string parent_body;     // "UBND TỈNH BẮC KẠN" (optional)
  std::string issuing_body;    // "LIÊN MINH HỢP TÁC XÃ TỈNH"
  std::string number;          // "Số: ...../BC-LMHTX"
  std::string place_and_date;  // "Bắc Kạn, ngày 05 tháng 3 năm 2025"
  std::string kind;            // "BÁO CÁO"
  std::string summary;         // trích yếu
  std::vector<Section> sections;
  std::string signature_title;  // "TM. LIÊN MINH HỢP TÁC XÃ TỈNH"
};

// "ngày 05 tháng 3 năm 2025": days below 10 and months 1–2 written with a leading zero.
std::string vietnamese_date_phrase(int year, int month, int day);

std::string write_pdf(const Document& d);
std::string write_csv(const Document& d);
std::string write_xlsx(const Document& d);

}  // namespace hoptac::report
