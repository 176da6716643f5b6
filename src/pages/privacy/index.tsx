import { Text, View } from '@tarojs/components';
import PageRoot from '../../components/PageRoot';
import Paragraph from '../../components/Paragraph';
import './index.css';

const SECTIONS: ReadonlyArray<{ title: string; body: string }> = [
  {
    title: '我们收集哪些信息',
    body: '你的姓名、居民身份证号和手机号；以及微信为本小程序分配给你的匿名标识（OpenID），用于把实名结果对应到你本人。',
  },
  {
    title: '为什么收集',
    body: '仅用于通过腾讯电子签完成本人实名认证。未经你同意，我们不会把这些信息用于其他目的。',
  },
  {
    title: '提供给谁',
    body: '姓名、身份证号和手机号经加密通道提交给腾讯电子签，用于核验身份；你将在腾讯电子签中完成人脸核验。腾讯电子签对信息的处理适用其隐私政策。',
  },
  {
    title: '保存多久',
    body: '只在完成实名认证所必需的期限内保存，之后删除或匿名化处理。你前往腾讯电子签期间，填写的内容会暂存在本机，便于返回后修改；实名完成或撤回后即删除。系统日志中只记录脱敏后的信息（如 *三、110***********002X）。',
  },
  {
    title: '你的权利',
    body: '你可以随时查询、更正或删除你的信息，也可以撤回同意：在实名结果页点击“撤回授权并删除我的实名信息”，我们会删除为你保存的实名信息。腾讯电子签保留的认证记录，请向腾讯电子签申请处理。',
  },
  {
    title: '联系我们',
    body: '如需查询、删除信息或有任何疑问，请通过小程序内的“客服”或运营方公布的联系方式与我们联系，我们会尽快核实并处理。',
  },
];

/** 个人信息保护说明: what is collected, why, where it goes, how long it is kept, how to reach us. */
export default function PrivacyNoticePage() {
  return (
    <PageRoot className="privacy-page">
      <View className="page__intro">
        <Text className="page__title">个人信息保护说明</Text>
        <Paragraph
          className="page__subtitle"
          text="我们重视你的个人信息，请在提交前了解以下内容。"
        />
      </View>
      <View className="card">
        {SECTIONS.map((section) => (
          <View className="privacy-section" key={section.title}>
            <Text className="privacy-section__title">{section.title}</Text>
            <Paragraph className="privacy-section__body" text={section.body} />
          </View>
        ))}
      </View>
    </PageRoot>
  );
}
