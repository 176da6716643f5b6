import { Button, Text, View } from '@tarojs/components';
import CopyableText from '../../../components/CopyableText';
import type { RegistrationUrlRow } from '../../../domain/organizationContract';
import { formatExpireTime } from '../../../services/verification';
import type { RegistrationStatus } from '../../hooks/useRegistrationStatus';
import Paragraph from '../../../components/Paragraph';

export interface RegistrationStatusCardProps {
  status: RegistrationStatus;
  onAuthorize: () => void;
}

function ReadyRow({ row }: { row: RegistrationUrlRow }) {
  return (
    <View className="status-row" ariaRole="group" ariaLabel={row.organizationName}>
      <Text className="status-row__name">{row.organizationName}</Text>
      <View className="info-row">
        <Text className="info-row__label">子任务ID</Text>
        <Text className="info-row__value" userSelect>
          {row.subTaskId}
        </Text>
      </View>
      {row.authUrl ? (
        <CopyableText text={row.authUrl} copyLabel={`复制${row.organizationName}的认证链接`} />
      ) : null}
      {row.errorMessage ? (
        <Paragraph className="status-row__error" text={row.errorMessage} />
      ) : null}
    </View>
  );
}

function PhaseLine({ status }: { status: RegistrationStatus }) {
  const { phase, progress, failures } = status;
  if (phase === 'polling') {
    return <Paragraph className="status-card__phase" text={'正在生成认证链接，通常需要几秒钟…'} />;
  }
  if (phase === 'timedOut') {
    return <Paragraph className="notice" text={'仍在处理中，稍后刷新即可查看最新进度。'} />;
  }
  if (phase === 'settled' && failures.length === 0 && progress.ready > 0) {
    return <Paragraph className="status-card__phase" text={'认证链接已全部生成'} />;
  }
  return null;
}

/** The last submission: progress while ESS works on it, then each enterprise's link. */
export default function RegistrationStatusCard({
  status,
  onAuthorize,
}: RegistrationStatusCardProps) {
  const { registration, phase, progress, readyRows, failures } = status;
  if (!registration) return null;
  const readyNames = new Set(readyRows.map((row) => row.organizationName));
  const waiting =
    phase === 'settled'
      ? []
      : registration.organizationNames.filter((name) => !readyNames.has(name));
  const percent = progress.total > 0 ? Math.round((progress.ready / progress.total) * 100) : 0;

  return (
    <View className="card status-card">
      <Text className="card__title">已提交的企业</Text>
      <View className="info-row">
        <Text className="info-row__label">首次提交时间</Text>
        <Text className="info-row__value">
          {formatExpireTime(Math.floor(registration.submittedAt / 1000))}
        </Text>
      </View>
      <View className="status-card__progress" ariaRole="status" ariaLabel="认证链接进度">
        <Text className="status-card__count">{`已就绪 ${progress.ready}/${progress.total}`}</Text>
        <View className="progress-bar">
          <View className="progress-bar__fill" style={{ width: `${percent}%` }} />
        </View>
      </View>
      <PhaseLine status={status} />
      {failures.map((failure) => (
        <Paragraph
          className="status-row__error"
          key={failure.taskId}
          text={`任务 ${failure.taskId}：${failure.message}`}
        />
      ))}

      {readyRows.map((row) => (
        <ReadyRow row={row} key={row.subTaskId || row.organizationName} />
      ))}
      {waiting.length > 0 ? (
        <Paragraph className="hint" text={`处理中：${waiting.join('、')}`} />
      ) : null}

      <Button
        className="btn btn--primary"
        {...(readyRows.length > 0 ? {} : { disabled: true })}
        onClick={onAuthorize}
      >
        去生成批量认证链接
      </Button>
      {phase !== 'polling' ? (
        <Button className="btn btn--plain" onClick={status.refresh}>
          刷新
        </Button>
      ) : null}
      <Button className="btn btn--plain btn--muted" onClick={status.clear}>
        不再显示这次提交
      </Button>
    </View>
  );
}
