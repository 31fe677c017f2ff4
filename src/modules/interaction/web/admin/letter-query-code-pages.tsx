import type { DocumentModel } from '../../../../platform/documents/index.ts';
import { AdminLayout } from '../../../../platform/views/admin-layout.tsx';
import { ErrorSummary, Field, type FieldErrors } from '../../../../platform/views/components.tsx';
import { LetterWithCode } from '../../../../platform/views/letter-with-code.tsx';
import type { StaffContext } from '../../../catalog/index.ts';
import { LETTER_VERIFICATION_HINT } from '../../domain/lost-query-code.ts';
import { VERIFIED_BY_MAX } from '../../../../shared/verified-by.ts';

/**
 * 重新设置查询码 on a letter's page, for the organ's handler (reset-letter-query-code.ts): the writer who
 * lost the code asks, staff check who asks and write how. `errors`: the refused post's reasons, told in an
 * error summary at the top of the section, where the page opens.
 */
export function LetterQueryCodeSection({ letterId, csrf, errors = {}, value = '' }: { letterId: number; csrf: string; errors?: FieldErrors; value?: string }) {
  return (
    <section aria-labelledby="h-query-code" id="query-code-reset">
      <h2 id="h-query-code">重新设置查询码</h2>
      {/* A refusal is told here, where the officer pressed 重新设置 — thousands of pixels below the top of a
          long letter on a phone — and takes the focus, so the page opens at it (without script). */}
      <ErrorSummary errors={errors} focus />
      <p class="hint">来信人遗失查询码时使用：核验来信人身份后设置新的查询码，原查询码作废，新查询码只显示一次，并可打印查询码重新设置告知交付或寄送来信人。</p>
      <form method="post" action={`/admin/letters/${letterId}/query-code`}>
        <input type="hidden" name="_csrf" value={csrf} />
        <Field name="verifiedBy" label="核验方式" errors={errors} required hint={LETTER_VERIFICATION_HINT}>
          <input type="text" id="f-verifiedBy" name="verifiedBy" value={value} maxLength={VERIFIED_BY_MAX} required />
        </Field>
        <button type="submit" class="btn btn-small">重新设置</button>
      </form>
    </section>
  );
}

/** A letter's lost 查询码 set anew: shown this once, with the notice to print, like an application's. */
export function LetterQueryCodeResetPage({ scope, letterId, trackingNo, queryCode, notice }: { scope: StaffContext; letterId: number; trackingNo: string; queryCode: string; notice: DocumentModel }) {
  return (
    <AdminLayout title="已重新设置查询码" user={scope.user} csrfToken={scope.csrf} flash={scope.flash}>
      <h1>已重新设置来信查询码 {trackingNo}</h1>
      <div class="notice notice-info" role="status">
        <p>原查询码已作废。请将新的查询码告知来信人（只显示这一次，不会保存或再次显示）：当面交付或寄送下面的查询码重新设置告知，请现在打印。</p>
        <p>信件编号：<strong id="tracking-no">{trackingNo}</strong>　新查询码：<strong id="query-code">{queryCode}</strong></p>
      </div>
      <p><a class="btn" href={`/admin/letters/${letterId}`}>返回来信</a></p>
      <LetterWithCode id="reset-notice" heading="查询码重新设置告知（载明新查询码）" what="告知" document={notice}
        download={{ action: `/admin/letters/${letterId}/query-code/notice`, csrf: scope.csrf, field: ['queryCode', queryCode] }} />
    </AdminLayout>
  );
}
