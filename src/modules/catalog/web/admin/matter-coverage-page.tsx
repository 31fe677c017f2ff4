import { AdminLayout, type AdminUser } from '../../../../platform/views/admin-layout.tsx';
import type { Flash } from '../../../../platform/views/flash.tsx';
import { STAGE_LABELS } from '../../domain/labels.ts';
import type { MatterCoverage } from '../../use-cases/matter-coverage.ts';

type OrganRef = { code: string; name: string };

/**
 * 基层政务公开标准目录 of one organ: each required 事项 with how many published items name it, the
 * newest one's date, and those with none first in a list of their own (docs/standard-directories.md).
 * Linked from the organ's supervision page; every member of the organ's staff may read it.
 */
export function MatterCoveragePage({ user, csrf, flash, organ, coverage, canImport }: {
  user: AdminUser; csrf: string; flash: Flash | null; organ: OrganRef; coverage: MatterCoverage; canImport: boolean;
}) {
  const missing = coverage.rows.filter((r) => r.items === 0);
  return (
    <AdminLayout title={`标准目录事项公开情况：${organ.name}`} user={user} csrfToken={csrf} flash={flash}>
      <p><a href={`/admin/supervision/${organ.code}`}>返回监督检查：{organ.name}</a></p>
      <h1>标准目录事项公开情况：{organ.name}</h1>
      {coverage.total === 0 ? (
        <p>
          本机关尚未导入基层政务公开标准目录。
          {canImport ? <a href={`/admin/organs/${organ.code}/standard-directories`}>导入标准目录模板</a> : '请机关管理员导入标准目录模板。'}
        </p>
      ) : (
        <>
          <p>标准目录事项共 <strong>{coverage.total}</strong> 项，其中 <strong>{coverage.missing}</strong> 项尚无已发布信息。信息在编辑页选择它对应的事项后，计入该事项。</p>
          <h2 id="missing-h">尚无已发布信息的事项</h2>
          {missing.length === 0 ? <p>每项事项都已有已发布信息。</p> : (
            <table class="list" aria-labelledby="missing-h">
              <thead><tr><th scope="col">事项</th><th scope="col">所在栏目</th><th scope="col">公开时限</th><th scope="col">公开主体</th></tr></thead>
              <tbody>
                {missing.map((r) => (
                  <tr key={r.matter.id} id={`matter-${r.matter.id}`}>
                    <th scope="row"><a href={`/admin/organs/${organ.code}/publications/new?matter=${r.matter.id}`}>{r.matter.name}</a></th>
                    <td>{r.nodePath.join(' > ')}</td><td>{r.matter.timeLimit}</td><td>{r.matter.subject}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h2 id="all-h">全部事项</h2>
          <table class="list" aria-labelledby="all-h">
            <thead><tr><th scope="col">事项</th><th scope="col">所在栏目</th><th scope="col">过程</th><th scope="col">公开对象与方式</th><th scope="col">已发布信息</th><th scope="col">最近发布</th></tr></thead>
            <tbody>
              {coverage.rows.map((r) => (
                <tr key={r.matter.id}>
                  <th scope="row">{r.matter.name}</th><td>{r.nodePath.join(' > ')}</td><td>{STAGE_LABELS[r.matter.stage]}</td>
                  <td>{r.matter.audience}，{r.matter.mode}公开</td><td>{r.items === 0 ? '无' : r.items}</td><td>{r.lastPublishedOn ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </AdminLayout>
  );
}
