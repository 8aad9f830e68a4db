package org.ecomonitor.sync;

/**{@link SyncFaultTest}'s kill and cut tests against a real PostgreSQL started by the test. */
class SyncFaultPostgresTest extends SyncFaultTest {

    @Override
    protected String databaseSpec() {
        return PostgresFixture.newDatabase();
    }
}
