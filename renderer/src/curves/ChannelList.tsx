// The channel list: controls grouped by region, with search, show/hide, solo, colour, a marker on
// controls with corrections, and each control's value at the playhead as a slider (dragging it
// keys the control at the playhead).
import { useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { Icon } from '../ui/Icon';
import { channelUnit } from '../../../electron/common/head';
import { selectControls, selectRegionKeys, setChannelColor, setSelectedControls, toggleHidden, toggleSolo } from './actions';
import { groupChannels, type ChannelDef } from './channels';
import { defaultColors } from './colors';
import { useCurveEditor } from './editor-store';
import { followValues, type ValueNodes } from './live-values';
import { clickChannel, selectMode } from './selection';
import { SliderDrag } from './slider-drag';

export function ChannelList() {
  const model = useCurveEditor((s) => s.model);
  const layer = useCurveEditor((s) => s.layer);
  const selected = useCurveEditor((s) => s.selected);
  const anchor = useCurveEditor((s) => s.anchor);
  const hidden = useCurveEditor((s) => s.hidden);
  const solo = useCurveEditor((s) => s.solo);
  const colors = useCurveEditor((s) => s.colors);
  const search = useCurveEditor((s) => s.search);
  const collapsed = useCurveEditor((s) => s.collapsed);
  const nodes = useRef(new Map<string, ValueNodes>());
  const searchBox = useRef<HTMLInputElement>(null);
  const channels = useMemo(() => model?.take.channels ?? [], [model]);
  const groups = useMemo(() => groupChannels(channels, search), [channels, search]);
  const defaults = useMemo(() => defaultColors(channels), [channels]);
  const selectedSet = useMemo(() => new Set(selected), [selected]);
  const ordered = useMemo(
    () => groups.flatMap((g) => (collapsed.has(g.region) && search === '' ? [] : g.channels.map((c) => c.name))),
    [groups, collapsed, search],
  );

  useEffect(() => {
    // Defaults fill in for channels without a user colour (the graph reads the store's colours).
    const st = useCurveEditor.getState();
    const missing = channels.filter((c) => !st.colors[c.name]);
    if (missing.length > 0) useCurveEditor.setState({ colors: { ...Object.fromEntries(missing.map((c) => [c.name, defaults[c.name]!])), ...st.colors } });
  }, [channels, defaults]);

  useEffect(() => (model ? followValues(model, nodes.current) : undefined), [model, groups, collapsed]);

  // The active control stays in sight when something else picks it (a curve click, the head).
  useEffect(() => {
    if (anchor) nodes.current.get(anchor)?.row.scrollIntoView({ block: 'nearest' });
  }, [anchor, search]);

  if (!model) return null;
  const register = (name: string) => (el: HTMLDivElement | null) => {
    if (!el) {
      nodes.current.delete(name);
      return;
    }
    const text = el.querySelector<HTMLElement>('.ch-value-text');
    const bar = el.querySelector<HTMLElement>('.ch-value-bar');
    if (text && bar) nodes.current.set(name, { row: el, text, bar });
  };

  const onRow = (e: React.MouseEvent, c: ChannelDef) => {
    const next = clickChannel(selected, anchor, c.name, selectMode(e), ordered);
    setSelectedControls(next, e.shiftKey ? anchor : c.name);
  };

  const toggleGroup = (region: string) => {
    const next = new Set(collapsed);
    if (next.has(region)) next.delete(region);
    else next.add(region);
    useCurveEditor.setState({ collapsed: next });
  };

  return (
    <div className="channels" data-testid="channel-list">
      <div className="channels-head">
        <div className="channel-search">
          <Icon name="search" />
          <input
            ref={searchBox}
            className="input"
            data-testid="channel-search"
            placeholder="Search controls"
            value={search}
            spellCheck={false}
            onChange={(e) => useCurveEditor.setState({ search: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                selectControls(groups.flatMap((g) => g.channels.map((c) => c.name)));
                e.currentTarget.blur();
              } else if (e.key === 'Escape') {
                useCurveEditor.setState({ search: '' });
                e.currentTarget.blur();
                e.stopPropagation();
                e.preventDefault();
              }
            }}
          />
        </div>
        <div className="channels-tools">
          <button
            className="btn ghost small"
            title="Show every control's curve"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => selectControls(channels.map((c) => c.name))}
          >
            All
          </button>
          <button className="btn ghost small" title="Clear the selection" onMouseDown={(e) => e.preventDefault()} onClick={() => selectControls([])}>
            None
          </button>
          <span className="dim num channels-count">
            {selected.length}/{channels.length}
          </span>
        </div>
      </div>
      <div className="channels-body">
        {groups.map((g) => {
          const isCollapsed = collapsed.has(g.region) && search === '';
          const names = g.channels.map((c) => c.name);
          const allSel = names.every((n) => selectedSet.has(n));
          const keyed = names.filter((n) => (layer?.keys[n]?.length ?? 0) > 0).length;
          return (
            <div key={g.region} className="ch-group" data-region={g.region} style={{ '--ch-rows': isCollapsed ? 0 : g.channels.length } as CSSProperties}>
              <div className={`ch-group-head${allSel ? ' sel' : ''}`} data-testid="channel-group">
                <button
                  className="ch-caret"
                  aria-label={isCollapsed ? 'Expand' : 'Collapse'}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => toggleGroup(g.region)}
                >
                  {isCollapsed ? '▸' : '▾'}
                </button>
                <button
                  className="ch-group-name"
                  title={`Show the ${g.label.toLowerCase()} controls (Shift: add)`}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={(e) =>
                    e.shiftKey || e.ctrlKey ? setSelectedControls([...selected.filter((n) => !names.includes(n)), ...names], anchor) : selectControls(names)
                  }
                >
                  {g.label}
                </button>
                {keyed > 0 ? (
                  <button
                    className="ch-keyed-count"
                    title={`${keyed} with keys: click to show them and select every key`}
                    data-testid="region-keys"
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => selectRegionKeys(g.region)}
                  >
                    ◆{keyed}
                  </button>
                ) : null}
                <span className="dim num">{g.channels.length}</span>
              </div>
              {isCollapsed
                ? null
                : g.channels.map((c) => {
                    const color = colors[c.name] ?? defaults[c.name] ?? '#ccc';
                    const keys = layer?.keys[c.name]?.length ?? 0;
                    const isSel = selectedSet.has(c.name);
                    const isHidden = hidden.has(c.name);
                    const isSolo = solo.has(c.name);
                    return (
                      <div
                        key={c.name}
                        ref={register(c.name)}
                        className={`ch-row${isSel ? ' sel' : ''}${c.name === anchor ? ' active' : ''}${isHidden ? ' hidden' : ''}`}
                        data-testid="channel"
                        data-name={c.name}
                        data-keys={keys}
                        aria-selected={isSel}
                        onClick={(e) => onRow(e, c)}
                      >
                        <label className="ch-swatch" style={{ background: color }} title="Curve colour" onClick={(e) => e.stopPropagation()}>
                          <input type="color" value={color} onChange={(e) => setChannelColor(c.name, e.target.value)} />
                        </label>
                        <span className="ch-name" title={`${c.name} · ${channelUnit(c.name) ? `${channelUnit(c.name)}, rig space` : c.facs || 'custom'}`}>
                          {c.name}
                          {channelUnit(c.name) ? <span className="ch-unit"> ({channelUnit(c.name)})</span> : null}
                        </span>
                        <span
                          className={`ch-key-mark${keys > 0 ? ' on' : ''}`}
                          title={keys > 0 ? `${keys} correction key${keys === 1 ? '' : 's'}` : 'No corrections'}
                        >
                          ◆
                        </span>
                        <ValueSlider name={c.name} color={color} />
                        <button
                          className={`ch-btn${isHidden ? ' off' : ''}`}
                          title={isHidden ? 'Show curve' : 'Hide curve'}
                          aria-pressed={!isHidden}
                          onMouseDown={(e) => e.preventDefault()}
                          onClick={(e) => {
                            e.stopPropagation();
                            toggleHidden(c.name);
                          }}
                        >
                          {isHidden ? '○' : '●'}
                        </button>
                        <button
                          className={`ch-btn solo${isSolo ? ' on' : ''}`}
                          title="Solo: show only this curve (Shift: add to the solo set)"
                          aria-pressed={isSolo}
                          onMouseDown={(e) => e.preventDefault()}
                          onClick={(e) => {
                            e.stopPropagation();
                            toggleSolo(c.name, e.shiftKey || e.ctrlKey);
                          }}
                        >
                          S
                        </button>
                      </div>
                    );
                  })}
            </div>
          );
        })}
        {groups.length === 0 ? <div className="dim ch-none">No control matches “{search}”.</div> : null}
      </div>
    </div>
  );
}

function ValueSlider({ name, color }: { name: string; color: string }) {
  const [drag] = useState(() => new SliderDrag(name));
  return (
    <span
      className="ch-value"
      title="Value at the playhead — drag to set it (keys the control here)"
      onClick={(e) => e.stopPropagation()}
      onPointerDown={(e) => drag.down(e)}
      onPointerMove={(e) => drag.move(e)}
      onPointerUp={(e) => drag.up(e)}
      onPointerCancel={() => drag.cancel()}
    >
      <span className="ch-value-bar" style={{ background: color }} />
      <span className="ch-value-text num" />
    </span>
  );
}
