import { useCallback, useEffect, useRef, useState } from 'react';

interface Notice {
  text: string;
  /** The list the notice describes; undefined until the change it announces has rendered. */
  list?: unknown;
}

/**
 * A line about what just happened to a list ("已添加 2 家企业"), shown only while the list is as
 * that action left it: any later change (a row removed, submitted, edited) clears it, so it never
 * describes a list that is no longer there.
 */
export function useListNotice(list: unknown) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const listRef = useRef(list);
  listRef.current = list;

  useEffect(() => {
    setNotice((current) => {
      if (!current) return current;
      if (current.list === undefined) return { ...current, list };
      return current.list === list ? current : null;
    });
  }, [list]);

  /** Shows `text`; `changesList`: whether the action also changes the list (being rendered). */
  const show = useCallback((text: string, changesList: boolean) => {
    setNotice({ text, list: changesList ? undefined : listRef.current });
  }, []);

  return { notice: notice?.text ?? null, show };
}
