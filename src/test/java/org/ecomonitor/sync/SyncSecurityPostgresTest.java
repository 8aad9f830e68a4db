package org.ecomonitor.sync;

/**{@link SyncSecurityTest}'s security tests against a real PostgreSQL started by the test. */
class SyncSecurityPostgresTest extends SyncSecurityTest {

    @Override
    protected String databaseSpec() {
        return PostgresFixture.newDatabase();
    }
}
