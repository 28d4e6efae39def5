// Transport bar: first / step / play / step / last, loop, frame counter, fps.
import type { MouseEvent } from 'react';
import { usePlayhead } from '../../state/playhead';
import { Icon } from '../../ui/Icon';
import { formatFps } from '../../state/format';
import { FrameCounter } from './FrameCounter';
import { runTransport } from './use-shot-keys';

interface Props {
  fps: number;
  loop: boolean;
  onLoop: (loop: boolean) => void;
  onHelp: () => void;
}

/** Toolbar buttons keep focus off themselves, so Space and the arrows stay transport keys. */
const keepFocus = (e: MouseEvent) => e.preventDefault();

export function Transport({ fps, loop, onLoop, onHelp }: Props) {
  const playing = usePlayhead((s) => s.playing);
  return (
    <div className="transport">
      <div className="transport-buttons">
        <button
          onMouseDown={keepFocus}
          className="btn icon ghost"
          title="First frame (Home)"
          aria-label="First frame"
          onClick={() => runTransport({ type: 'first' })}
        >
          <Icon name="first" />
        </button>
        <button
          onMouseDown={keepFocus}
          className="btn icon ghost"
          title="Previous frame (←, Shift+← for 10)"
          aria-label="Previous frame"
          onClick={() => runTransport({ type: 'step', delta: -1 })}
        >
          <Icon name="stepBack" />
        </button>
        <button
          onMouseDown={keepFocus}
          className={`btn icon play${playing ? ' on' : ''}`}
          data-testid="play-button"
          title={playing ? 'Pause (Space)' : 'Play (Space)'}
          aria-label={playing ? 'Pause' : 'Play'}
          onClick={() => runTransport({ type: 'togglePlay' })}
        >
          <Icon name={playing ? 'pause' : 'play'} />
        </button>
        <button
          onMouseDown={keepFocus}
          className="btn icon ghost"
          title="Next frame (→, Shift+→ for 10)"
          aria-label="Next frame"
          onClick={() => runTransport({ type: 'step', delta: 1 })}
        >
          <Icon name="stepFwd" />
        </button>
        <button
          onMouseDown={keepFocus}
          className="btn icon ghost"
          title="Last frame (End)"
          aria-label="Last frame"
          onClick={() => runTransport({ type: 'last' })}
        >
          <Icon name="last" />
        </button>
        <button
          onMouseDown={keepFocus}
          className={`btn icon ghost toggle${loop ? ' on' : ''}`}
          title="Loop playback"
          aria-label="Loop"
          aria-pressed={loop}
          onClick={() => onLoop(!loop)}
        >
          <Icon name="loop" />
        </button>
      </div>
      <FrameCounter />
      <span className="fps num dim" title="Playback rate: the shot's frame rate, in real time">
        {formatFps(fps)} fps
      </span>
      <span className="transport-spacer" />
      <button onMouseDown={keepFocus} className="btn ghost icon" title="Keyboard shortcuts (?)" aria-label="Keyboard shortcuts" onClick={onHelp}>
        <Icon name="help" />
      </button>
    </div>
  );
}
