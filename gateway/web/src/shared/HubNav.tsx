/** The links between the hub's pages, in every page's header; the current page is marked for assistive technology. */

export type HubPage = "explorer" | "audit" | "report";

const PAGES: { page: HubPage; href: string; label: string }[] = [
  { page: "explorer", href: "/explorer/", label: "Explorer" },
  { page: "audit", href: "/audit/", label: "Auditor console" },
  { page: "report", href: "/report/", label: "Migration profile" },
];

export function HubNav({ current }: { current: HubPage }) {
  return (
    <nav aria-label="Hub pages" className="app-nav">
      {PAGES.map(({ page, href, label }) => (
        <a key={page} href={href} aria-current={page === current ? "page" : undefined}>
          {label}
        </a>
      ))}
    </nav>
  );
}
