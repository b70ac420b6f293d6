/** Rendered inside GraphiQL: hands the page a way to put an operation and its variables in the editors. */
import { useGraphiQL } from "@graphiql/react";
import { useEffect } from "react";

export type LoadOperation = (query: string, variables: string) => void;

export function EditorBridge({ onReady }: { onReady: (load: LoadOperation | null) => void }) {
  const queryEditor = useGraphiQL((state) => state.queryEditor);
  const variableEditor = useGraphiQL((state) => state.variableEditor);
  useEffect(() => {
    if (!queryEditor || !variableEditor) return;
    onReady((query, variables) => {
      queryEditor.setValue(query);
      variableEditor.setValue(variables);
      queryEditor.focus();
    });
    return () => onReady(null);
  }, [queryEditor, variableEditor, onReady]);
  return null;
}
