package org.ecomonitor.sync;

/**{@link SyncConvergenceTest}'s convergence and conflicts tests against a real PostgreSQL started by the test. */
class SyncConvergencePostgresTest extends SyncConvergenceTest {

    @Override
    protected String databaseSpec() {
        return PostgresFixture.newDatabase();
    }
}
