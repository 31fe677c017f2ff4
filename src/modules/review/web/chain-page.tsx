import { AdminLayout, type AdminUser } from '../../../platform/views/admin-layout.tsx';
import type { Flash } from '../../../platform/views/flash.tsx';
import { ErrorSummary, type FieldErrors } from '../../../platform/views/components.tsx';
import { REVIEW_ROLES, REVIEW_ROLE_LABELS, type ChainStage, type ReviewRole } from '../domain/review-roles.ts';

/** An organ's review chain: up to six ordered stages, each with the role that approves it, and who publishes. */
export function ChainPage({ user, csrf, flash, organ, stages, publisherRole, errors }: {
  user: AdminUser; csrf: string; flash: Flash | null; organ: { code: string; name: string }; stages: ChainStage[]; publisherRole: ReviewRole; errors: FieldErrors;
}) {
  const rows = [...stages, ...Array.from({ length: Math.max(0, 6 - stages.length) }, () => null)];
  return (
    <AdminLayout title={`审核流程：${organ.name}`} user={user} csrfToken={csrf} flash={flash}>
      <h1>审核流程：{organ.name}</h1>
      <p>信息须按顺序经过以下各环节审核，并完成保密审查后才能发布（“先审查、后公开”）。留空的行不计入。</p>
      <ErrorSummary errors={errors} />
      <form method="post" action={`/admin/organs/${organ.code}/review-chain`} novalidate>
        <input type="hidden" name="_csrf" value={csrf} />
        {/* Cards on a phone (table.list.cards): as a table at 360 px 顺序 stood a character a line and the 审核角色 choices were cut off. */}
        <table class="list cards">
          <thead><tr><th scope="col">顺序</th><th scope="col">环节名称</th><th scope="col">审核角色</th></tr></thead>
          <tbody>
            {rows.map((s, i) => (
              <tr key={i}>
                <td data-label="顺序">{i + 1}</td>
                <td data-label="环节名称"><input aria-label={`第 ${i + 1} 环节名称`} name="stageName" value={s?.name ?? ''} /></td>
                <td data-label="审核角色">
                  <select aria-label={`第 ${i + 1} 环节审核角色`} name="stageRole">
                    {/* An empty row chooses no role: a role shown chosen there read as a stage set (an outside tester). */}
                    {!s && <option value="" selected>请选择</option>}
                    {REVIEW_ROLES.map((r) => <option value={r} selected={s?.role === r}>{REVIEW_ROLE_LABELS[r]}</option>)}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div class="field">
          <label for="f-publisherRole">发布人角色</label>
          <select id="f-publisherRole" name="publisherRole">{REVIEW_ROLES.map((r) => <option value={r} selected={publisherRole === r}>{REVIEW_ROLE_LABELS[r]}</option>)}</select>
        </div>
        <button class="btn" type="submit">保存审核流程</button>
      </form>
    </AdminLayout>
  );
}
