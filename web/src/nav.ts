// The menus: the public one for everyone, and one per role. Everyone's own account
// (/account) is in the header, beside the name.
import type { Role } from './api/types';
import type { MsgKey } from './i18n';

export type NavItem = { href: string; label: MsgKey };

export const publicNav: NavItem[] = [
  { href: '/', label: 'nav.home' },
  { href: '/cooperatives', label: 'nav.directory' },
  { href: '/answers', label: 'nav.answers' },
  { href: '/awards', label: 'nav.awards' },
];

export const roleNav: Record<Role, NavItem[]> = {
  coop: [
    { href: '/my-coop', label: 'nav.myCoop' },
    { href: '/petitions', label: 'nav.myPetitions' },
    { href: '/petitions/new', label: 'nav.newPetition' },
  ],
  alliance: [
    { href: '/inbox', label: 'nav.inbox' },
    { href: '/batches', label: 'nav.batches' },
    { href: '/petitions', label: 'nav.petitions' },
    { href: '/register', label: 'nav.register' },
    { href: '/conferences', label: 'nav.conferences' },
    { href: '/directives', label: 'nav.directives' },
    { href: '/dashboard', label: 'nav.dashboard' },
    { href: '/plans', label: 'nav.plans' },
    { href: '/schemes', label: 'nav.schemes' },
    { href: '/award-campaigns', label: 'nav.awardWork' },
    { href: '/reports', label: 'nav.reports' },
    { href: '/audit', label: 'nav.audit' },
  ],
  leader: [
    { href: '/dashboard', label: 'nav.dashboard' },
    { href: '/assign', label: 'nav.assign' },
    { href: '/petitions', label: 'nav.petitions' },
    { href: '/conferences', label: 'nav.conferences' },
    { href: '/directives', label: 'nav.directives' },
    { href: '/plans', label: 'nav.plans' },
    { href: '/schemes', label: 'nav.schemes' },
    { href: '/award-campaigns', label: 'nav.awardWork' },
    { href: '/reports', label: 'nav.reports' },
    { href: '/audit', label: 'nav.audit' },
  ],
  department: [
    { href: '/queue', label: 'nav.queue' },
    { href: '/petitions', label: 'nav.petitions' },
    { href: '/directives', label: 'nav.directives' },
    { href: '/conferences', label: 'nav.conferences' },
    { href: '/reports', label: 'nav.reports' },
  ],
  admin: [
    { href: '/register', label: 'nav.register' },
    { href: '/petitions', label: 'nav.petitions' },
    { href: '/dashboard', label: 'nav.dashboard' },
    { href: '/conferences', label: 'nav.conferences' },
    { href: '/directives', label: 'nav.directives' },
    { href: '/reports', label: 'nav.reports' },
    { href: '/admin/users', label: 'nav.users' },
    { href: '/admin/agencies', label: 'nav.agencies' },
    { href: '/admin/categories', label: 'nav.categories' },
    { href: '/admin/calendar', label: 'nav.calendar' },
    { href: '/admin/letterheads', label: 'nav.letterheads' },
    { href: '/admin/security', label: 'nav.security' },
    { href: '/admin/reminders', label: 'nav.reminders' },
    { href: '/admin/tokens', label: 'nav.tokens' },
    { href: '/admin/outbox', label: 'nav.outbox' },
    { href: '/audit', label: 'nav.audit' },
  ],
};
