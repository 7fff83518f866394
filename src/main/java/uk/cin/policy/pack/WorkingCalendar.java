package uk.cin.policy.pack;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * Monday to Friday, less the bank holidays of one calendar. Holidays are looked up once per year and kept, so that
 * counting working days costs a table lookup a day.
 */
public final class WorkingCalendar {

    private final String code;
    private final String name;
    private final IntFunction<Set<LocalDate>> holidaysOfYear;
    private final ConcurrentHashMap<Integer, boolean[]> holidayTables = new ConcurrentHashMap<>();

    public WorkingCalendar(String code, String name, IntFunction<Set<LocalDate>> holidaysOfYear) {
        this.code = code;
        this.name = name;
        this.holidaysOfYear = holidaysOfYear;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public boolean isBankHoliday(LocalDate date) {
        return holidayTable(date.getYear())[date.getDayOfYear()];
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !isBankHoliday(date);
    }

    /** N working days after D: D itself never counts (POLICY-RULES.md §1). */
    public LocalDate plusWorkingDays(LocalDate date, int days) {
        LocalDate d = date;
        int counted = 0;
        while (counted < days) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                counted++;
            }
        }
        return d;
    }

    /** N working days before D, counted the same way backwards. */
    public LocalDate minusWorkingDays(LocalDate date, int days) {
        LocalDate d = date;
        int counted = 0;
        while (counted < days) {
            d = d.minusDays(1);
            if (isWorkingDay(d)) {
                counted++;
            }
        }
        return d;
    }

    private boolean[] holidayTable(int year) {
        boolean[] table = holidayTables.get(year);
        if (table == null) {
            table = holidayTables.computeIfAbsent(year, y -> {
                boolean[] t = new boolean[367];
                for (LocalDate holiday : holidaysOfYear.apply(y)) {
                    t[holiday.getDayOfYear()] = true;
                }
                return t;
            });
        }
        return table;
    }

    @Override
    public String toString() {
        return code;
    }
}
