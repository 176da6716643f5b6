import { useCallback, useMemo, useState } from 'react';

/**
 * Which sub-tasks go into the link. Until the admin changes it, every ready sub-task is
 * selected (including those that become ready later).
 */
export function useSubTaskSelection(available: readonly string[]) {
  const [picked, setPicked] = useState<readonly string[] | null>(null);
  const selected = useMemo(
    () => (picked === null ? [...available] : available.filter((id) => picked.includes(id))),
    [available, picked],
  );

  const toggle = useCallback(
    (id: string, checked: boolean) => {
      const rest = selected.filter((item) => item !== id);
      setPicked(checked ? [...rest, id] : rest);
    },
    [selected],
  );
  const selectAll = useCallback(() => setPicked(null), []);
  const selectNone = useCallback(() => setPicked([]), []);

  return { selected, toggle, selectAll, selectNone };
}
