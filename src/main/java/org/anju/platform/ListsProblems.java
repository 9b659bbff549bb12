package org.anju.platform;

import java.util.List;

/**
 * An exception that carries a list of problems a user fixes one by one (a file's rows and columns): an import job
 * stores them as they are, so a page on any node lists every one ({@link Jobs.Failure#problems()}).
 */
public interface ListsProblems {

    /** Each problem as the user reads it. */
    List<String> problemTexts();
}
