// Placeholder body for a panel whose feature is not built yet.
export function ComingPanel({ title, text }: { title: string; text: string }) {
  return (
    <div className="coming-panel">
      <div className="coming-title">{title}</div>
      <p className="dim">{text}</p>
    </div>
  );
}
