// A progress line for long CLI work: redrawn in place on a terminal, a line every 10% otherwise (logs).
export function progressLine(label: string, stream: NodeJS.WriteStream = process.stderr): (done: number, total: number) => void {
  const start = Date.now();
  let lastPct = -1;
  return (done, total) => {
    const pct = total > 0 ? Math.floor((done / total) * 100) : 0;
    const secs = (Date.now() - start) / 1000;
    const rate = secs > 0 ? done / secs : 0;
    const eta = rate > 0 && total > done ? ` eta ${Math.ceil((total - done) / rate)}s` : '';
    const text = `${label}: ${done}/${total} (${pct}%) ${rate.toFixed(1)}/s${eta}`;
    if (stream.isTTY) {
      stream.write(`\r${text}\x1b[K${done >= total ? '\n' : ''}`);
    } else if (Math.floor(pct / 10) !== Math.floor(lastPct / 10) || done >= total) {
      stream.write(`${text}\n`);
    }
    lastPct = pct;
  };
}
