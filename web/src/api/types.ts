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

/** Every list answer: one page of items. */
export type Page<T> = { items: T[]; total: number; page: number; per_page: number };

export const KINDS = ['tht', 'htx', 'lhhtx'] as const;
export const SECTORS = ['agriculture', 'industry_handicraft', 'construction', 'transport', 'trade_services', 'environment', 'credit_fund'] as const;
export const COOP_STATUSES = ['active', 'suspended', 'dissolving', 'dissolved'] as const;
export const CLASSIFICATIONS = ['tot', 'kha', 'trung_binh', 'yeu'] as const;
export const PETITION_STATES = ['draft', 'submitted', 'received', 'rejected', 'forwarded', 'assigned', 'answered', 'closed', 'merged'] as const;
