#include "domain/petition_workflow.hpp"

#include <gtest/gtest.h>

#include "domain/working_days.hpp"

using namespace hoptac::domain;

TEST(PetitionWorkflow, TheLifecycleOfPRODUCTmd) {
  EXPECT_EQ(decide("draft", "submit", Role::coop).to, "submitted");
  EXPECT_EQ(decide("submitted", "return", Role::alliance).to, "needs_info");
  EXPECT_EQ(decide("submitted", "receive", Role::alliance).to, "received");
  EXPECT_EQ(decide("received", "reject", Role::alliance).to, "rejected");
  EXPECT_EQ(decide("forwarded", "assign", Role::leader).to, "assigned");
  EXPECT_EQ(decide("assigned", "answer", Role::department).to, "answered");
  EXPECT_EQ(decide("answered", "close", Role::coop).to, "closed");
  EXPECT_EQ(decide("closed", "reopen", Role::coop).to, "assigned");
  EXPECT_EQ(decide("received", "merge", Role::alliance).to, "merged");
  EXPECT_EQ(decide("draft", "record_at_conference", Role::alliance).to, "answered");
}

TEST(PetitionWorkflow, AReturnedPetitionIsNotADraft) {
  EXPECT_EQ(decide("needs_info", "resubmit", Role::coop).to, "submitted");
  EXPECT_EQ(decide("needs_info", "resubmit", Role::alliance).to, "submitted");
  EXPECT_EQ(decide("needs_info", "submit", Role::coop).verdict, Verdict::wrong_state);
  EXPECT_EQ(decide("draft", "resubmit", Role::coop).verdict, Verdict::wrong_state);
  EXPECT_EQ(decide("needs_info", "resubmit", Role::department).verdict, Verdict::wrong_role);
}

TEST(PetitionWorkflow, TheLeadAgencysSteps) {
  EXPECT_EQ(decide("assigned", "request_extension", Role::department).to, "assigned");
  EXPECT_EQ(decide("assigned", "grant_extension", Role::leader).to, "assigned");
  EXPECT_EQ(decide("assigned", "refuse_extension", Role::leader).to, "assigned");
  EXPECT_EQ(decide("assigned", "send_back", Role::department).to, "forwarded");
  EXPECT_EQ(decide("assigned", "ask_opinion", Role::department).to, "assigned");
  EXPECT_EQ(decide("assigned", "give_opinion", Role::department).to, "assigned");
  EXPECT_EQ(decide("assigned", "grant_extension", Role::department).verdict, Verdict::wrong_role);
  EXPECT_EQ(decide("assigned", "request_extension", Role::leader).verdict, Verdict::wrong_role);
  EXPECT_EQ(decide("answered", "request_extension", Role::department).verdict,
            Verdict::wrong_state);
  EXPECT_EQ(decide("forwarded", "send_back", Role::department).verdict, Verdict::wrong_state);
  EXPECT_EQ(decide("assigned", "send_back", Role::coop).verdict, Verdict::wrong_role);
}

TEST(PetitionWorkflow, PublishKeepsTheState) {
  auto d = decide("closed", "publish", Role::leader);
  EXPECT_EQ(d.verdict, Verdict::allowed);
  EXPECT_EQ(d.to, "closed");
}

TEST(PetitionWorkflow, AWrongRoleIsToldApartFromAWrongState) {
  // A department never receives: wrong role, whatever the state.
  EXPECT_EQ(decide("submitted", "receive", Role::department).verdict, Verdict::wrong_role);
  // The Alliance receives, but not a draft: wrong state.
  EXPECT_EQ(decide("draft", "receive", Role::alliance).verdict, Verdict::wrong_state);
  EXPECT_EQ(decide("answered", "assign", Role::leader).verdict, Verdict::wrong_state);
  EXPECT_EQ(decide("draft", "fly", Role::admin).verdict, Verdict::unknown_action);
  // The administrator runs the system, not the petitions.
  for (auto action : petition_actions()) EXPECT_FALSE(role_takes(action, Role::admin)) << action;
}

TEST(PetitionWorkflow, EveryTransitionLeadsToAKnownState) {
  const auto& states = petition_states();
  for (const auto& t : petition_transitions()) {
    EXPECT_NE(std::find(states.begin(), states.end(), t.from), states.end()) << t.from;
    if (!t.to.empty())
      EXPECT_NE(std::find(states.begin(), states.end(), t.to), states.end()) << t.to;
    EXPECT_FALSE(t.roles.empty()) << t.action;
  }
}

TEST(WorkingDays, SkipWeekendsAndHolidays) {
  // 30/4 and 1/5/2026 are holidays; 2/5 and 3/5 are a weekend.
  WorkingCalendar cal({Date{2026, 4, 30}, Date{2026, 5, 1}, Date{2026, 4, 27}});
  EXPECT_EQ(cal.add_working_days(Date{2026, 4, 28}, 1).iso(), "2026-04-29");
  EXPECT_EQ(cal.add_working_days(Date{2026, 4, 29}, 1).iso(), "2026-05-04");
  EXPECT_EQ(cal.add_working_days(Date{2026, 4, 24}, 2).iso(), "2026-04-29");
  EXPECT_FALSE(cal.is_working_day(Date{2026, 5, 2}));
}

TEST(WorkingDays, DueSoonIsWithinThreeWorkingDaysCountingToday) {
  WorkingCalendar cal({});
  Date friday{2026, 11, 27};
  EXPECT_TRUE(cal.due_soon(friday, friday));
  EXPECT_TRUE(cal.due_soon(Date{2026, 12, 1}, friday));    // Fri, Mon, Tue
  EXPECT_FALSE(cal.due_soon(Date{2026, 12, 2}, friday));   // Wednesday is the 4th
  EXPECT_FALSE(cal.due_soon(Date{2026, 11, 26}, friday));  // already overdue
  Date saturday{2026, 11, 28};
  EXPECT_TRUE(cal.due_soon(Date{2026, 12, 2}, saturday));  // Mon, Tue, Wed
}
