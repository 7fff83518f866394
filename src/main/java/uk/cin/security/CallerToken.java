package uk.cin.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated request: the caller its bearer token names. */
public final class CallerToken extends AbstractAuthenticationToken {

	private final Caller caller;

	public CallerToken(Caller caller) {
		super(List.of(new SimpleGrantedAuthority("ROLE_" + caller.role().name())));
		this.caller = caller;
		setAuthenticated(true);
	}

	public Caller caller() {
		return caller;
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public Object getPrincipal() {
		return caller;
	}

	@Override
	public String getName() {
		return caller.id();
	}

}
