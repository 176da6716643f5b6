import { useState } from 'react';
import { Button, Image, Text, View } from '@tarojs/components';
import CopyableText from '../../../components/CopyableText';
import type { AuthorizationEndpoint } from '../../../domain/organizationContract';
import type { EssVerifyLink } from '../../../domain/verificationContract';
import { openPermissionSettings, openVerifyLink, saveImage } from '../../../services/platform';
import { formatExpireTime, isLinkExpired } from '../../../services/verification';
import type { AuthorizationLink } from './useAuthorizationLink';
import Paragraph from '../../../components/Paragraph';

export interface AuthorizationLinkCardProps {
  /** The card's id (the page scrolls it into view once generated). */
  id: string;
  endpoint: AuthorizationEndpoint;
  link: AuthorizationLink;
  /** ESS messages that name no listed sub-task. */
  otherMessages: readonly string[];
}

const EXPIRED_MESSAGE = '链接已过期，请重新生成';
/**
 * Said to the operator whenever the ESS mini-program cannot be opened from here (in a browser, or
 * WeChat refused): never the personal flow's wording about 实名.
 */
export const CANNOT_OPEN_MESSAGE =
  '无法在这里打开腾讯电子签小程序：请在微信中打开本页再试，或改用“链接”“二维码”发给超管';

/** The ESS mini-program page to open half-screen: the path exactly as ESS returned it. */
function miniProgramLink(link: AuthorizationLink): EssVerifyLink | null {
  if (!link.miniAppId) return null;
  return {
    kind: 'miniProgram',
    miniAppId: link.miniAppId,
    path: link.authUrl,
    envVersion: link.envVersion ?? 'release',
    expireTime: link.expireTime,
  };
}

function LaunchEss({ link }: { link: AuthorizationLink }) {
  const [notice, setNotice] = useState<string | null>(null);
  // Synchronous on purpose: WeChat opens another mini-program only from the tap itself.
  const onLaunch = () => {
    const target = miniProgramLink(link);
    if (!target || isLinkExpired(target)) {
      setNotice(target ? EXPIRED_MESSAGE : CANNOT_OPEN_MESSAGE);
      return;
    }
    setNotice(null);
    openVerifyLink(target, { onFailed: () => setNotice(CANNOT_OPEN_MESSAGE) });
  };
  return (
    <View>
      <Paragraph
        className="auth-link__caption"
        text={'点击后将在当前微信中打开腾讯电子签，请由超管本人按提示依次完成各企业的认证。'}
      />
      {notice ? <Paragraph className="notice" text={notice} /> : null}
      <Button className="btn btn--primary" onClick={onLaunch}>
        前往腾讯电子签
      </Button>
    </View>
  );
}

function QrCode({ url }: { url: string }) {
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<{ message: string; denied: boolean } | null>(null);
  const onSave = async () => {
    setSaving(true);
    setOutcome(null);
    const result = await saveImage(url);
    setSaving(false);
    setOutcome(
      result.ok
        ? { message: '二维码已保存，可以发给超管扫码完成认证', denied: false }
        : { message: result.message, denied: result.reason === 'denied' },
    );
  };
  return (
    <View>
      <Image
        className="auth-link__qr"
        src={url}
        mode="aspectFit"
        showMenuByLongpress
        ariaLabel="批量认证二维码"
      />
      <Paragraph
        className="auth-link__caption"
        text={'请超管使用微信扫码，按提示完成各企业的认证。'}
      />
      {outcome ? <Paragraph className="notice" text={outcome.message} /> : null}
      {outcome?.denied ? (
        <Button className="btn btn--secondary" onClick={openPermissionSettings}>
          去设置
        </Button>
      ) : null}
      <Button
        className="btn btn--primary"
        {...(saving ? { disabled: true } : {})}
        onClick={() => void onSave()}
      >
        {saving ? '正在保存…' : '保存到相册'}
      </Button>
    </View>
  );
}

/** The generated link, as the chosen delivery needs it, with its expiry. */
export default function AuthorizationLinkCard(props: AuthorizationLinkCardProps) {
  const { id, endpoint, link, otherMessages } = props;
  return (
    <View className="card auth-link" id={id}>
      <Text className="card__title">批量认证链接已生成</Text>
      <View className="info-row">
        <Text className="info-row__label">有效期至</Text>
        <Text className="info-row__value">{formatExpireTime(link.expireTime)}</Text>
      </View>
      {endpoint === 'APP' ? <LaunchEss link={link} /> : null}
      {endpoint === 'QR_CODE' ? <QrCode url={link.authUrl} /> : null}
      {endpoint === 'HTTP' || endpoint === 'HTTP_SHORT_URL' ? (
        <View>
          <CopyableText text={link.authUrl} copyLabel="复制批量认证链接" />
          <Paragraph
            className="auth-link__caption"
            text={'把链接发给超管，在微信中打开后按提示完成各企业的认证。'}
          />
        </View>
      ) : null}
      {otherMessages.length > 0 ? (
        <View className="auth-link__others">
          <Text className="section-title">其他提示</Text>
          {otherMessages.map((message) => (
            <Paragraph className="subtask__message" key={message} text={message} />
          ))}
        </View>
      ) : null}
    </View>
  );
}
