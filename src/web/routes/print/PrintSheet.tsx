import type { ReactNode } from 'react';

/** An A4 sheet: what prints is exactly what shows, without the application's shell. */
export function PrintSheet({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle?: string;
  children: ReactNode;
}) {
  return (
    <main className="print-page">
      <div className="print-toolbar">
        <button type="button" onClick={() => window.print()}>
          印刷する
        </button>
        <button type="button" onClick={() => window.close()}>
          閉じる
        </button>
      </div>
      <article className="print-sheet">
        <h1>{title}</h1>
        {subtitle && <p className="print-subtitle">{subtitle}</p>}
        {children}
      </article>
    </main>
  );
}

export function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{children}</td>
    </tr>
  );
}
