/**
 * An ARIA role for any Taro component, in the spelling each platform reads: WeChat's screen
 * reader takes `aria-role` (Taro's `ariaRole`), browsers take `role`. Spread it onto the component:
 * `<View {...roleProps('alert')}>`. Interactive roles are also made focusable in the browser
 * (services/h5/accessibility.ts lets Enter and Space activate them).
 */
type Role = 'alert' | 'status' | 'link' | 'button' | 'dialog';

export function roleProps(role: Role): Record<string, string | number> {
  const focusable = role === 'link' || role === 'button';
  return { role, ariaRole: role, ...(focusable ? { tabIndex: 0 } : {}) };
}
