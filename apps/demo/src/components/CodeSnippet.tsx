import { useId, useState } from 'react';

/**
 * The code that produces the widget beside it, with a Copy button.
 *
 * @example
 * <CodeSnippet title="TimerButton" code={'<TimerButton ... />'} />
 */
export function CodeSnippet({
  title,
  code,
  language = 'tsx',
}: {
  title: string;
  code: string;
  language?: string;
}) {
  const [status, setStatus] = useState('');
  const id = useId();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setStatus('Copied to the clipboard.');
    } catch {
      // No clipboard permission (an insecure origin, or a denied prompt): select the text for Ctrl-C instead.
      const range = document.createRange();
      range.selectNodeContents(document.getElementById(id)!);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
      setStatus('Selected: press Ctrl-C (or ⌘-C) to copy.');
    }
  };
  return (
    <figure className="snippet">
      <figcaption className="snippet__head">
        <span>{title}</span>
        <button
          type="button"
          className="button button--small"
          onClick={copy}
          aria-describedby={`${id}-status`}
        >
          Copy<span className="visually-hidden"> the {title} code</span>
        </button>
      </figcaption>
      <pre>
        <code id={id} className={`language-${language}`}>
          {code}
        </code>
      </pre>
      <p id={`${id}-status`} className="snippet__status" role="status">
        {status}
      </p>
    </figure>
  );
}
