// The menus: the public one for everyone, and one per role.
import type { Role } from './api/types';
import type { MsgKey } from './i18n';

export type NavItem = { href: string; label: MsgKey };

export const publicNav: NavItem[] = [
  { href: '/', label: 'nav.home' },
  { href: '/cooperatives', label: 'nav.directory' },
  { href: '/answers', label: 'nav.answers' },
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
    { href: '/overview', label: 'nav.overview' },
  ],
  leader: [
    // The dashboard (GET /api/v1/dashboard) goes first here when it exists.
    { href: '/overview', label: 'nav.overview' },
    { href: '/assign', label: 'nav.assign' },
    { href: '/petitions', label: 'nav.petitions' },
    { href: '/conferences', label: 'nav.conferences' },
    { href: '/directives', label: 'nav.directives' },
  ],
  department: [
    { href: '/queue', label: 'nav.queue' },
    { href: '/petitions', label: 'nav.petitions' },
    { href: '/directives', label: 'nav.directives' },
    { href: '/conferences', label: 'nav.conferences' },
  ],
  admin: [
    { href: '/register', label: 'nav.register' },
    { href: '/petitions', label: 'nav.petitions' },
    { href: '/overview', label: 'nav.overview' },
    { href: '/conferences', label: 'nav.conferences' },
    { href: '/directives', label: 'nav.directives' },
  ],
};
