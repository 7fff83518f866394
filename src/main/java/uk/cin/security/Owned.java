package uk.cin.security;

/** A record that belongs to an authority and a team: what decides who may read and write it. */
public interface Owned {

    String authorityCode();

    String team();
}
