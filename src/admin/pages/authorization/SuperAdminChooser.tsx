import { Button, View } from '@tarojs/components';
import type { SessionSuperAdmin } from '../../lib/superAdminSession';
import { describeSuperAdmin } from './useSuperAdminPrefill';

export interface SuperAdminChooserProps {
  /** The super admins of the selected enterprises (two or more: one link is for one of them). */
  candidates: readonly SessionSuperAdmin[];
  onChoose: (candidate: SessionSuperAdmin) => void;
}

/** "使用 *五（139****9000）": one button per super admin of the selection. */
export default function SuperAdminChooser({ candidates, onChoose }: SuperAdminChooserProps) {
  if (candidates.length < 2) return null;
  return (
    <View className="choice-row">
      {candidates.map((candidate) => (
        <Button
          key={describeSuperAdmin(candidate)}
          className="btn btn--plain btn--choice"
          onClick={() => onChoose(candidate)}
        >
          {`使用 ${describeSuperAdmin(candidate)}`}
        </Button>
      ))}
    </View>
  );
}
