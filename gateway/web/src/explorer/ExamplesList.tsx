/** The persona's example operations; choosing one loads it into the editor. */
import { useId } from "react";
import type { Example } from "./examples";

export interface ExamplesListProps {
  examples: Example[];
  personRef: string;
  onPersonRefChange: (value: string) => void;
  onLoad: (example: Example) => void;
}

export function ExamplesList({ examples, personRef, onPersonRefChange, onLoad }: ExamplesListProps) {
  const id = useId();
  return (
    <nav className="examples" aria-labelledby={`${id}-title`} data-testid="examples">
      <h2 id={`${id}-title`}>Examples</h2>
      <div className="field">
        <label htmlFor={`${id}-ref`}>Person reference for examples</label>
        <input
          id={`${id}-ref`}
          type="text"
          data-testid="example-person-ref"
          value={personRef}
          spellCheck={false}
          autoComplete="off"
          placeholder="e.g. PRDSCU7R5NP7HZ2NRA"
          onChange={(e) => onPersonRefChange(e.target.value)}
        />
      </div>
      <ul>
        {examples.map((example) => (
          <li key={example.id}>
            <button
              type="button"
              className="secondary example"
              data-testid={`example-${example.id}`}
              onClick={() => onLoad(example)}
            >
              {example.title}
            </button>
            <p className="example__description">{example.description}</p>
          </li>
        ))}
      </ul>
    </nav>
  );
}
