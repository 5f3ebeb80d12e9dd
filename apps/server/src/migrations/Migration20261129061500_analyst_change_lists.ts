import { Migration } from '@mikro-orm/migrations';

/**
 * The root `changes` list pages every dossier's history newest first, (at desc, id desc), often for one
 * actor ("what did Li change last week"): without these, each page sorted the whole change table.
 * A customer's own history keeps change_customer_history.
 */
export class Migration20261129061500_analyst_change_lists extends Migration {
  override async up(): Promise<void> {
    this.addSql('create index change_newest_first on change (at desc, id desc)');
    this.addSql('create index change_actor_history on change (actor_id, at desc, id desc)');
  }

  override async down(): Promise<void> {
    this.addSql('drop index change_actor_history');
    this.addSql('drop index change_newest_first');
  }
}
