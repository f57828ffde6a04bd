import { useCallback, useEffect, useState, type RefObject } from 'react';

/** Full-screen mode of an element (the dashboard on a meeting-room screen), following Esc and F11 exits. */
export function useFullscreen(target: RefObject<HTMLElement | null>): { fullscreen: boolean; toggle: () => void } {
  const [fullscreen, setFullscreen] = useState(false);
  useEffect(() => {
    const sync = () =>
      setFullscreen(document.fullscreenElement !== null && document.fullscreenElement === target.current);
    document.addEventListener('fullscreenchange', sync);
    return () => document.removeEventListener('fullscreenchange', sync);
  }, [target]);
  const toggle = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void target.current?.requestFullscreen?.().catch(() => undefined);
  }, [target]);
  return { fullscreen, toggle };
}
