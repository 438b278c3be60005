// Every page: its address, who may see it, and how it is loaded. Public pages are in the
// first bundle; staff pages are loaded on demand (their own chunks).
import type { FunctionComponent } from 'preact';
import type { Role } from './api/types';
import { Home } from './pages/public/Home';
import { Directory } from './pages/public/Directory';
import { CooperativePublic } from './pages/public/CooperativePublic';
import { Answers } from './pages/public/Answers';
import { AnswerPage } from './pages/public/AnswerPage';
import { SignIn } from './pages/public/SignIn';
import { Awards } from './pages/public/Awards';
import { Activate } from './pages/public/Activate';

export type PageProps = { params: Record<string, string> };
export type PageModule = { default: FunctionComponent<PageProps> };

export type RouteDef = {
  path: string;
  /** Who may see it; absent: everyone, signed in or not. */
  roles?: Role[];
  page?: FunctionComponent<PageProps>;
  load?: () => Promise<PageModule>;
};

const ALL: Role[] = ['coop', 'alliance', 'department', 'leader', 'admin'];
const STAFF: Role[] = ['alliance', 'department', 'leader', 'admin'];
const REGISTER: Role[] = ['alliance', 'admin'];
const DASHBOARD: Role[] = ['leader', 'alliance', 'admin'];
const PLANNING: Role[] = ['alliance', 'leader'];
const REPORTS: Role[] = ['alliance', 'department', 'leader', 'admin'];
const ADMIN: Role[] = ['admin'];
const AUDIT: Role[] = ['admin', 'leader', 'alliance'];

export const routes: RouteDef[] = [
  // Public
  { path: '/', page: Home },
  { path: '/cooperatives', page: Directory },
  { path: '/cooperatives/:id', page: CooperativePublic },
  { path: '/answers', page: Answers },
  { path: '/answers/:code', page: AnswerPage },
  { path: '/sign-in', page: SignIn },
  { path: '/awards', page: Awards },
  { path: '/activate/:token', page: Activate },

  // A cooperative's own space
  { path: '/my-coop', roles: ['coop'], load: () => import('./pages/staff/MyCoop') },

  // Petitions
  { path: '/petitions', roles: ALL, load: () => import('./pages/staff/Petitions') },
  { path: '/petitions/new', roles: ['coop', 'alliance'], load: () => import('./pages/staff/NewPetition') },
  { path: '/petitions/:id', roles: ALL, load: () => import('./pages/staff/PetitionPage') },
  { path: '/inbox', roles: ['alliance'], load: () => import('./pages/staff/Inbox') },
  { path: '/batches', roles: ['alliance'], load: () => import('./pages/staff/Batches') },
  { path: '/batches/:id/print', roles: ['alliance', 'leader', 'admin'], load: () => import('./pages/staff/BatchPrint') },
  { path: '/assign', roles: ['leader'], load: () => import('./pages/staff/Assign') },
  { path: '/queue', roles: ['department'], load: () => import('./pages/staff/Queue') },
  // The old address of the dashboard.
  { path: '/overview', roles: DASHBOARD, load: () => import('./pages/staff/ToDashboard') },

  // Register
  { path: '/register', roles: REGISTER, load: () => import('./pages/staff/Register') },
  { path: '/register/new', roles: REGISTER, load: () => import('./pages/staff/CooperativeForm') },
  { path: '/register/import', roles: REGISTER, load: () => import('./pages/staff/Import') },
  { path: '/register/:id', roles: REGISTER, load: () => import('./pages/staff/CooperativeRecord') },
  { path: '/register/:id/edit', roles: REGISTER, load: () => import('./pages/staff/CooperativeForm') },

  // Conferences and directives
  { path: '/conferences', roles: STAFF, load: () => import('./pages/staff/Conferences') },
  { path: '/conferences/:id', roles: STAFF, load: () => import('./pages/staff/ConferencePage') },
  { path: '/directives', roles: STAFF, load: () => import('./pages/staff/Directives') },

  { path: '/notifications', roles: ALL, load: () => import('./pages/staff/Notifications') },

  // Indicators, plans, schemes, awards and reports
  { path: '/dashboard', roles: DASHBOARD, load: () => import('./pages/staff/Dashboard') },
  { path: '/plans', roles: PLANNING, load: () => import('./pages/staff/Plans') },
  { path: '/plans/:year', roles: PLANNING, load: () => import('./pages/staff/Plans') },
  { path: '/schemes', roles: PLANNING, load: () => import('./pages/staff/Schemes') },
  { path: '/schemes/:id', roles: PLANNING, load: () => import('./pages/staff/SchemePage') },
  { path: '/award-campaigns', roles: PLANNING, load: () => import('./pages/staff/AwardCampaigns') },
  { path: '/award-campaigns/:id', roles: PLANNING, load: () => import('./pages/staff/AwardCampaignPage') },
  { path: '/reports', roles: REPORTS, load: () => import('./pages/staff/Reports') },

  // Accounts, administration and the audit log
  { path: '/account', roles: ALL, load: () => import('./pages/staff/Account') },
  { path: '/admin/users', roles: ADMIN, load: () => import('./pages/staff/AdminUsers') },
  { path: '/admin/users/:id', roles: ADMIN, load: () => import('./pages/staff/AdminUser') },
  { path: '/admin/agencies', roles: ADMIN, load: () => import('./pages/staff/AdminAgencies') },
  { path: '/admin/categories', roles: ADMIN, load: () => import('./pages/staff/AdminCategories') },
  { path: '/admin/calendar', roles: ADMIN, load: () => import('./pages/staff/AdminCalendar') },
  { path: '/admin/letterheads', roles: ADMIN, load: () => import('./pages/staff/AdminLetterheads') },
  { path: '/admin/security', roles: ADMIN, load: () => import('./pages/staff/AdminSecurity') },
  { path: '/admin/reminders', roles: ADMIN, load: () => import('./pages/staff/AdminReminders') },
  { path: '/admin/tokens', roles: ADMIN, load: () => import('./pages/staff/AdminTokens') },
  { path: '/admin/outbox', roles: ADMIN, load: () => import('./pages/staff/AdminOutbox') },
  { path: '/admin/outbox/:id', roles: ADMIN, load: () => import('./pages/staff/AdminOutboxEntry') },
  { path: '/audit', roles: AUDIT, load: () => import('./pages/staff/Audit') },
];
