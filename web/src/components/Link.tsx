// A link that changes the page without reloading.
import type { PartialAnchorHTMLAttributes } from 'preact';
import { navigate } from '../router';

export function Link({ href, children, ...rest }: Omit<PartialAnchorHTMLAttributes<HTMLAnchorElement>, 'href' | 'role'> & { href: string }) {
  const onClick = (e: MouseEvent) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} onClick={onClick} {...(rest as Record<string, unknown>)}>
      {children}
    </a>
  );
}
