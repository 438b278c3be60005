// Names for the API's JSON shapes, generated from docs/openapi.json (schema.d.ts).
import type { components } from './schema';

type S = components['schemas'];

export type Role = S['User']['role'];
export type Named = { id: number; code?: string; name: string };
export type User = S['User'] & {
  agency?: { id: number; code: string; name: string } | null;
  cooperative?: { id: number; name: string } | null;
};
export type CurrentSession = { user: User; csrf_token?: string };
export type FieldError = S['FieldError'];
export type Problem = S['Problem'];
export type Cooperative = S['Cooperative'];
export type CooperativeInput = S['CooperativeInput'];
export type CooperativePatch = S['CooperativePatch'];
export type Year = S['Year'];
export type YearInput = S['YearInput'];
export type Product = S['Product'];
export type Contract = S['Contract'];
export type ImportResult = S['ImportResult'];
export type AdminUnit = S['AdminUnit'];
export type Agency = S['Agency'];
export type Category = S['Category'];
export type Action = S['TransitionInput']['action'];
export type PetitionState = S['Petition']['state'];
export type Petition = S['Petition'] & { allowed_actions?: Action[] };
export type PetitionInput = S['PetitionInput'];
export type TransitionInput = S['TransitionInput'];
export type HistoryEntry = S['HistoryEntry'];
export type PublicPetition = S['PublicPetition'];
export type Batch = S['Batch'];
export type Conference = S['Conference'];
export type ConferenceInput = S['ConferenceInput'];
export type Directive = S['Directive'];
export type DirectiveInput = S['DirectiveInput'];
export type Notification = S['Notification'];
export type NotificationPage = S['NotificationPage'];
export type Indicators = S['Indicators'];
export type Indicator = S['Indicator'];
export type IndicatorCode = S['Indicator']['code'];
export type IndicatorUnit = S['Indicator']['unit'];
export type Plan = S['Plan'];
export type Scheme = S['Scheme'];
export type SchemeInput = S['SchemeInput'];
export type SchemeProgress = S['SchemeProgress'];
export type Dashboard = S['Dashboard'];
export type AgencyLateness = S['AgencyLateness'];
export type AgencyLatenessTable = S['AgencyLatenessTable'];
export type AwardLevel = S['AwardCampaign']['level'];
export type AwardCampaign = S['AwardCampaign'];
export type AwardCampaignDetail = S['AwardCampaignDetail'];
export type Nomination = S['Nomination'];
export type Job = S['Job'];
export type ReportKind = S['Job']['kind'];

/** Every list answer: one page of items. */
// total_capped: more rows match than total counts (petition lists count up to 10,000).
export type Page<T> = { items: T[]; total: number; page: number; per_page: number; total_capped?: boolean };

export const KINDS = ['tht', 'htx', 'lhhtx'] as const;
export const SECTORS = ['agriculture', 'industry_handicraft', 'construction', 'transport', 'trade_services', 'environment', 'credit_fund'] as const;
export const COOP_STATUSES = ['active', 'suspended', 'dissolving', 'dissolved'] as const;
export const CLASSIFICATIONS = ['tot', 'kha', 'trung_binh', 'yeu'] as const;
export const PETITION_STATES = ['draft', 'submitted', 'received', 'rejected', 'forwarded', 'assigned', 'answered', 'closed', 'merged', 'needs_info'] as const;

/** The plan indicators in report order, with their unit. */
export const INDICATORS: { code: IndicatorCode; unit: IndicatorUnit }[] = [
  { code: 'cooperatives', unit: 'count' },
  { code: 'new_cooperatives', unit: 'count' },
  { code: 'members', unit: 'people' },
  { code: 'workers', unit: 'people' },
  { code: 'avg_revenue_vnd', unit: 'vnd' },
  { code: 'avg_profit_vnd', unit: 'vnd' },
  { code: 'avg_income_vnd', unit: 'vnd' },
  { code: 'effective_share_pct', unit: 'pct' },
  { code: 'ocop_products', unit: 'products' },
];
export const AWARD_LEVELS = ['ubnd_bang_khen', 'alliance_giay_khen'] as const;
export const REPORT_KINDS = ['economy', 'petitions', 'conference', 'awards'] as const;
export const REPORT_FORMATS = ['pdf', 'xlsx', 'csv'] as const;
export const SCHEME_STATUSES = ['draft', 'active', 'closed'] as const;
/** The role that reviews and decides a campaign of this level. */
export const deciderOf = (level: AwardLevel): Role => (level === 'ubnd_bang_khen' ? 'leader' : 'alliance');

// ---- Administration and accounts (issue 11).

export const ROLES = ['coop', 'alliance', 'department', 'leader', 'admin'] as const;
export const ACCOUNT_STATUSES = ['invited', 'active', 'disabled'] as const;
export type AccountStatus = S['Account']['status'];

/** A user as the administrator sees it (GET /users, /users/{id}, /me). */
export type Account = S['Account'];
export type AccountInput = S['AccountInput'];
export type AccountPatch = S['AccountPatch'];
/** A one-time link: activation while invited, password reset after. */
export type OneTimeLink = S['OneTimeLink'];
export type AccountCreated = S['Invitation'];
export type LinkInfo = S['LinkInfo'];
export type Me = S['Me'];
export type SignInResult = CurrentSession & { totp_setup_required?: boolean; expires_at?: string };
export type SessionInfo = S['SessionInfo'];
export type TotpStart = S['TotpEnrolment'];
export type ApiToken = S['ApiToken'];
export type ApiTokenCreated = S['NewApiToken'];
export type AdminApiToken = S['ApiToken'] & { user: NonNullable<S['ApiToken']['user']> };
export type SecuritySettings = S['SecuritySettings'];
export type ReminderSettings = S['ReminderSettings'];
/** The roles that may be required to use two-step sign-in. */
export type StaffRole = SecuritySettings['totp_required_roles'][number];

export const AUDIT_KINDS = ['sign_in', 'sign_in_failed', 'sign_out', 'create', 'update', 'delete', 'action'] as const;
export const AUDIT_OBJECTS = ['petitions', 'cooperatives', 'users', 'agencies', 'categories', 'holidays', 'letterheads', 'conferences', 'directives', 'session', 'me', 'api-tokens', 'security-settings'] as const;
export type AuditEntry = S['AuditEntry'];

/** E-mail: one's own choice per kind of notification, and the administrator's outbox. */
export type NotificationSettings = S['NotificationSettings'];
export type NotificationKindChoice = S['NotificationKindChoice'];
export type NotificationSettingsInput = S['NotificationSettingsInput'];
export type Delivery = NotificationKindChoice['delivery'];
export type MailLanguage = NotificationSettings['language'];
export type OutboxEntry = S['OutboxEntry'];
export type OutboxState = OutboxEntry['state'];
export type OutboxPage = S['OutboxPage'];
export const DELIVERIES = ['immediate', 'daily', 'off'] as const;
export const MAIL_LANGUAGES = ['vi', 'en'] as const;
export const OUTBOX_STATES = ['pending', 'sending', 'sent', 'failed', 'skipped'] as const;

/** Reference data as the administrator keeps it. */
export type AgencyAdmin = Agency;
export type MergeResult = S['AgencyMergeResult'];
export const AGENCY_KINDS = ['department', 'alliance', 'ubnd', 'office', 'commune', 'district', 'bank', 'other'] as const;
export type CategoryAdmin = Category;
export type HolidayKind = S['Holiday']['kind'];
export type CalendarDay = S['Holiday'];
export type Letterhead = S['Letterhead'];

/** A list the server may send bare or in the page envelope. */
export const itemsOf = <T>(x: T[] | { items: T[] }): T[] => (Array.isArray(x) ? x : x.items);
