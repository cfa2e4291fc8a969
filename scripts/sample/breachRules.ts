/** Names of the funding rules, as truth.json and the compliance checks write them. */
export const RULE = {
  subsidyShare: "subsidy_share_of_verified",
  subsidyCap: "subsidy_level_cap",
  subsidyNotAccepted: "subsidy_project_not_accepted",
  interestShare: "loan_interest_share_of_principal",
  interestOverPaid: "loan_interest_over_paid",
  interestYearCap: "loan_interest_enterprise_year_cap",
  unitAward: "leading_unit_award_tier",
  platformProject: "platform_project_cap",
  procurement: "procurement_district_cap",
  directionTotal: "direction_total_cap",
} as const;
