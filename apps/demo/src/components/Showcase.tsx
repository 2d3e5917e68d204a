import type { ReactNode } from 'react';
import { CodeSnippet } from './CodeSnippet';

/**
 * One widget, live, beside the code that produces it.
 *
 * @example
 * <Showcase title="Timer" description="..." code={snippet}><TimerButton ... /></Showcase>
 */
export function Showcase(props: {
  title: string;
  description: ReactNode;
  code: string;
  children: ReactNode;
}) {
  const headingId = `showcase-${props.title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section className="showcase" aria-labelledby={headingId}>
      <h2 id={headingId}>{props.title}</h2>
      <div className="showcase__description">{props.description}</div>
      <div className="showcase__grid">
        <div className="showcase__live">{props.children}</div>
        <CodeSnippet title={props.title} code={props.code} />
      </div>
    </section>
  );
}
