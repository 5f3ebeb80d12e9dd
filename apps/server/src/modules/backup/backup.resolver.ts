import path from 'node:path';
import { Ctx, Field, Float, ObjectType, Query, Resolver } from 'type-graphql';
import { requireAdmin } from '../../core/access/policy.js';
import type { Context } from '../../core/context.js';
import { lastBackupRun, lastVerifiedBackup, type RecordedBackup } from './backup.status.js';

@ObjectType({ description: 'One finished scheduled backup / 一次已完成的定时备份' })
export class BackupRun {
  @Field(() => Date, { description: 'When it finished, its restore check included / 完成时间' })
  finishedAt!: Date;

  @Field(() => String, { description: "The backup file's name, without the server's folder / 备份文件名" })
  file!: string;

  @Field(() => Float, { description: 'Size of the backup file in bytes / 备份文件大小（字节）' })
  sizeBytes!: number;

  @Field(() => Boolean, {
    description:
      'Whether a restore of it into a scratch database matched it: only a verified backup is trusted / 是否已通过恢复校验',
  })
  verified!: boolean;

  @Field(() => String, { nullable: true, description: 'Why it failed, for an unverified run / 失败原因' })
  error!: string | null;
}

@ObjectType({ description: 'Whether the database is being backed up, and how recently (admins) / 备份状态' })
export class BackupStatus {
  @Field(() => Boolean, {
    description:
      'Whether this server takes scheduled backups (DOSSIER_BACKUP_CRON is set) / 是否已设定定时备份',
  })
  scheduled!: boolean;

  @Field(() => BackupRun, {
    nullable: true,
    description: 'The newest verified backup, null before the first / 最近一次通过校验的备份',
  })
  lastVerified!: BackupRun | null;

  @Field(() => BackupRun, {
    nullable: true,
    description:
      'The newest finished backup, verified or not, so a failing schedule shows; null before the first / 最近一次备份',
  })
  lastRun!: BackupRun | null;
}

// The server's folder stays on the server: an admin sees the file's name only.
const shown = (backup: RecordedBackup | null): BackupRun | null =>
  backup && { ...backup, file: path.basename(backup.file) };

/** The backup status on the admin page (issue 12): administrators only (FORBIDDEN for everyone else). */
@Resolver()
export class BackupResolver {
  @Query(() => BackupStatus, {
    description: 'Scheduled backups: the last verified one and the last run (admins) / 备份状态（管理员）',
  })
  async backupStatus(@Ctx() ctx: Context): Promise<BackupStatus> {
    requireAdmin(ctx);
    const [verified, run] = await Promise.all([lastVerifiedBackup(ctx.em), lastBackupRun(ctx.em)]);
    return {
      scheduled: Boolean(ctx.env.DOSSIER_BACKUP_CRON),
      lastVerified: shown(verified),
      lastRun: shown(run),
    };
  }
}
