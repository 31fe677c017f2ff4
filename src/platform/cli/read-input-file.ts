import fs from 'node:fs';

/** A file a command was asked to read, or why it cannot be read, in Chinese (never the system's English). */
export function readInputFile(file: string): { bytes: Uint8Array } | { problem: string } {
  try {
    return { bytes: fs.readFileSync(file) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个文件夹，不是文件' : code === 'EACCES' || code === 'EPERM' ? '没有读取权限' : `读取失败（${code ?? '未知原因'}）`;
    return { problem: `无法读取文件 ${file}：${why}` };
  }
}
