"""Web page views: thin, each calls the services and renders one Jinja template."""
