import { type ReactNode, useEffect, useRef } from 'react';

export interface Anchor {
  readonly x: number;
  readonly y: number;
}

interface PopoverProps {
  anchor: Anchor;
  label: string;
  onClose: () => void;
  children: ReactNode;
}

const WIDTH = 288;

/**
 * A small non-modal dialog at the point tapped. Keyboard: focus moves into it, Tab stays inside, Escape
 * closes it and focus goes back to where it was, so a rep can work the map without a mouse.
 */
export function Popover({ anchor, label, onClose, children }: PopoverProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const first =
      ref.current?.querySelector<HTMLElement>('[data-autofocus]') ??
      ref.current?.querySelector<HTMLElement>('button, input, select, textarea');
    first?.focus();
    return () => opener?.focus();
  }, []);

  function onKeyDown(event: React.KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !ref.current) return;
    const focusable = [
      ...ref.current.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href]'),
    ];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  }

  // Kept inside the viewport: a tap near the right or bottom edge of a tablet opens it leftwards/upwards.
  const left = Math.max(8, Math.min(anchor.x, window.innerWidth - WIDTH - 8));
  const top = Math.max(8, Math.min(anchor.y, window.innerHeight - 320));
  return (
    <>
      <div className="map-popover__backdrop" onPointerDown={onClose} aria-hidden="true" />
      <div
        ref={ref}
        role="dialog"
        aria-label={label}
        className="map-popover"
        style={{ left, top, width: WIDTH }}
        onKeyDown={onKeyDown}
      >
        {children}
      </div>
    </>
  );
}
