/** Said in a panel whose data needs another resource that has not arrived (or failed). */
export function DependencyMessage({ what, failed }: { what: string; failed: boolean }) {
  return (
    <p className="panel__message">{failed ? `The ${what} could not be loaded.` : `Loading the ${what}…`}</p>
  );
}
