/**
 * The emulator's stand-in for ESS's H5 verification page: a small mobile page (Chinese) showing whose
 * verification it is (masked) with 完成实名 / 取消. Pure: builds HTML only (see h5Routes.ts for routes).
 */
import { maskIdNumber, maskPersonName } from './masks';

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const STYLE = `
  * { box-sizing: border-box; }
  body { margin: 0; font-family: -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif;
         background: #f5f6f8; color: #1f2329; }
  main { max-width: 480px; margin: 0 auto; padding: 32px 20px; }
  h1 { font-size: 20px; margin: 0 0 8px; }
  .note { font-size: 13px; color: #86909c; margin: 0 0 24px; }
  .card { background: #fff; border-radius: 12px; padding: 20px; margin-bottom: 24px; }
  .row { display: flex; justify-content: space-between; padding: 8px 0; font-size: 16px; }
  .row span:first-child { color: #86909c; }
  form { margin: 0 0 12px; }
  button, .link { display: block; width: 100%; padding: 14px; border-radius: 8px; font-size: 17px;
                  text-align: center; text-decoration: none; border: 0; }
  .primary { background: #0052d9; color: #fff; }
  .secondary { background: #fff; color: #1f2329; border: 1px solid #dcdfe6; }
`;

function layout(title: string, content: string): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${content}
</main>
</body>
</html>
`;
}

export interface VerifyPageModel {
  shortKey: string;
  name: string;
  idCardNumber: string;
  /** The person is already verified: show that instead of the buttons. */
  alreadyVerified: boolean;
  jumpUrl?: string;
}

/** Forms post to paths relative to `/h5/verify`, so the page also works behind a path prefix. */
function actionForm(
  action: 'complete' | 'cancel',
  shortKey: string,
  label: string,
  style: string,
): string {
  return `<form method="post" action="verify/${action}">
<input type="hidden" name="shortKey" value="${escapeHtml(shortKey)}">
<button type="submit" class="${style}">${escapeHtml(label)}</button>
</form>`;
}

function backLink(jumpUrl: string | undefined): string {
  return jumpUrl ? `<a class="link primary" href="${escapeHtml(jumpUrl)}">返回</a>` : '';
}

export function renderVerifyPage(model: VerifyPageModel): string {
  const identity = `<div class="card">
<div class="row"><span>姓名</span><span>${escapeHtml(maskPersonName(model.name))}</span></div>
<div class="row"><span>身份证号</span><span>${escapeHtml(maskIdNumber(model.idCardNumber))}</span></div>
</div>`;
  const actions = model.alreadyVerified
    ? `<p class="note">你已完成实名认证。</p>${backLink(model.jumpUrl)}`
    : actionForm('complete', model.shortKey, '完成实名', 'primary') +
      actionForm('cancel', model.shortKey, '取消', 'secondary');
  return layout(
    '腾讯电子签 · 实名认证',
    `<h1>实名认证</h1>
<p class="note">本地模拟的腾讯电子签实名页面（ESS 模拟器），不会进行真实的身份核验。</p>
${identity}
${actions}`,
  );
}

/** A page with a single message, and a way back when there is one. */
export function renderMessagePage(title: string, message: string, jumpUrl?: string): string {
  return layout(
    `腾讯电子签 · ${title}`,
    `<h1>${escapeHtml(title)}</h1>
<p class="note">${escapeHtml(message)}</p>
${backLink(jumpUrl)}`,
  );
}
