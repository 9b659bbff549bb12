package org.anju.platform;

import java.util.List;

/**
 * The database was upgraded by another build than this one: it has migrations this jar does not know — applied by a
 * newer version (an old node restarted during an upgrade, or an old jar started against an upgraded database). This
 * build does not start on it: its code would read what the newer one writes as it wrote it before (issue 15, seventh
 * session: bulk audit entries are one array per column since V0_1571, and the old reader counted columns as rows).
 * Flyway said this in English and advised {@code repair}, which would mark the newer migrations deleted and let the
 * old code run on them.
 */
public final class SchemaProblem extends IllegalStateException implements StartupProblem {

    private final List<String> unknown;

    SchemaProblem(List<String> unknown) {
        super("数据库已由较新的版本升级：它执行过本程序没有的数据库迁移 " + String.join("、", unknown)
                + "。旧版本的程序会按旧的方式读写新版本的数据，因此不启动");
        this.unknown = List.copyOf(unknown);
    }

    /** The migrations the database has and this build does not: version and description. */
    public List<String> unknown() {
        return unknown;
    }

    @Override
    public String action() {
        return "用升级了数据库的版本（或更新的版本）启动本节点；集群升级时，先停下所有旧版本的节点，再启动新版本"
                + "（README「运维 / Operations」中的「升级 / Upgrading」）。不要运行 Flyway 的 repair：那会把这些迁移标记为已删除。"
                + "若必须退回旧版本，只能恢复升级前的备份（java -jar anju.jar restore --in 备份文件 --replace）。";
    }
}
