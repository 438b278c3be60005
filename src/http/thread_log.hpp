#pragma once
// Access-log lines, buffered per thread and written to standard output in whole lines with one
// write(2) of at most 4 KiB (atomic on a pipe): the threads that answer requests share no lock
// for their logging. A line waits at most until the thread's next flush: the server's I/O
// threads flush a few times a second, and a thread flushes what it holds when it ends.
#include <string_view>

namespace hoptac::http::thread_log {

void write_line(std::string_view line);  // without the newline
void flush();                            // this thread's buffered lines

}  // namespace hoptac::http::thread_log
