#pragma once
// A background thread that runs `work` now, then every `interval` or when woken, until it is
// destroyed; a failure is logged and the loop goes on.
#include <spdlog/spdlog.h>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace hoptac::app {

class BackgroundLoop {
 public:
  BackgroundLoop(std::chrono::milliseconds interval, std::function<void()> work)
      : interval_(interval), work_(std::move(work)) {
    thread_ = std::thread([this] {
      std::unique_lock lock(mutex_);
      while (!stop_) {
        lock.unlock();
        run_once();
        lock.lock();
        wake_.wait_for(lock, interval_, [this] { return stop_ || woken_; });
        woken_ = false;
      }
    });
  }
  ~BackgroundLoop() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    wake_.notify_all();
    thread_.join();
  }
  void wake() {
    {
      std::lock_guard lock(mutex_);
      woken_ = true;
    }
    wake_.notify_all();
  }

 private:
  void run_once() {
    try {
      work_();
    } catch (const std::exception& e) {
      spdlog::error(R"({{"event":"background_work_failed","error":"{}"}})", e.what());
    }
  }
  std::chrono::milliseconds interval_;
  std::function<void()> work_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false, woken_ = false;
  std::thread thread_;
};

}  // namespace hoptac::app
