/**
 * sitemap.json keeps the enterprise admin pages out of WeChat search and lets it index the user
 * pages. WeChat's `page` is a full path or "*" (no wildcards), so every page of the admin
 * sub-package must be listed: a page added to app.config without a rule fails here. (That the
 * build carries it, where app.json points, is checked by `npm run check:weapp`.)
 */
import { readFileSync } from 'fs';
import path from 'path';

interface Rule {
  action?: 'allow' | 'disallow';
  page: string;
  params?: string[];
  priority?: number;
}
interface AppConfig {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
  sitemapLocation?: string;
}

const root = path.resolve(__dirname, '../..');
const sitemap = JSON.parse(readFileSync(path.join(root, 'sitemap.json'), 'utf8')) as {
  rules: Rule[];
};

function appConfig(): AppConfig {
  (globalThis as { defineAppConfig?: (c: AppConfig) => AppConfig }).defineAppConfig = (c) => c;
  return (require('../../src/app.config') as { default: AppConfig }).default;
}

/** WeChat's matching for a page opened without parameters: the first rule that names it, or "*". */
function indexed(page: string): boolean {
  const rule = sitemap.rules.find((r) => r.page === page || r.page === '*');
  return (rule?.action ?? 'allow') === 'allow';
}

describe('sitemap.json', () => {
  const config = appConfig();
  const adminPages = (config.subPackages ?? [])
    .filter((p) => p.root.replace(/\/$/, '') === 'admin')
    .flatMap((p) => p.pages.map((page) => `admin/${page}`));

  it('is the sitemap app.config names', () => {
    expect(config.sitemapLocation).toBe('sitemap.json');
  });

  it('uses only what WeChat understands: no priorities or parameters, no wildcard paths', () => {
    for (const rule of sitemap.rules) {
      expect(['allow', 'disallow']).toContain(rule.action);
      expect(rule.page === '*' || !rule.page.includes('*')).toBe(true);
      expect(rule.priority).toBeUndefined();
      expect(rule.params).toBeUndefined();
    }
  });

  it('keeps every admin page out of WeChat search', () => {
    expect(adminPages.length).toBeGreaterThan(0);
    for (const page of adminPages)
      expect({ page, indexed: indexed(page) }).toEqual({
        page,
        indexed: false,
      });
  });

  it('lets WeChat search index the user pages', () => {
    for (const page of config.pages)
      expect({ page, indexed: indexed(page) }).toEqual({
        page,
        indexed: true,
      });
  });
});
