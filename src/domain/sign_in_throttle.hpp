#pragma once
// How long a sign-in must wait after failures (OWASP authentication cheat sheet: throttle, do
// not lock). Two counts over the last 15 minutes:
// - by address: a few free tries, then a delay that doubles with each failure, capped;
//   it stops one address from guessing, or spraying many usernames;
// - a failure counts from when its answer was given (the password check is slow on purpose);
// - by username: the same, later; it applies only to addresses that have failed themselves,
//   so a stranger's wrong passwords never lock the real user out of a clean address.
#include <cstdint>

namespace hoptac::domain {

constexpr int64_t kThrottleWindowSeconds = 900;
constexpr int kFreeFailuresPerAddress = 5;
constexpr int kFreeFailuresPerUsername = 10;
constexpr int64_t kFirstThrottleSeconds = 5;
constexpr int64_t kMaxThrottleSeconds = 900;

struct FailureCount {
  int64_t count = 0;
  int64_t last_ms = 0;  // when the latest of them happened, in Unix milliseconds
};

// The delay that `failures` earn beyond `free` tries: 5 s, 10 s, 20 s, ... up to the cap.
int64_t throttle_seconds(int64_t failures, int free);

// Milliseconds still to wait at `now_ms` (0: the attempt may go ahead).
int64_t sign_in_wait_ms(const FailureCount& by_address, const FailureCount& by_username,
                        int64_t now_ms);

}  // namespace hoptac::domain
