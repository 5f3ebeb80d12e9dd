import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { type Context, viewerOf } from '../../core/context.js';
import { ImportRecordsInput, ImportReport } from './import.report.js';
import { importFromApi } from './import.service.js';

@Resolver()
export class ImportResolver {
  @Mutation(() => ImportReport, {
    description:
      'Import customers, key persons, orders or order lines from a CSV or XLSX file: every row checked, all or nothing / 导入电子表格',
  })
  importRecords(
    @Arg('input', { description: 'The file and how to read it / 导入文件' }) input: ImportRecordsInput,
    @Ctx() ctx: Context,
  ) {
    viewerOf(ctx);
    return importFromApi(ctx, input);
  }
}
